# Wrong: logs "finally" after the try statement instead of in a finally block, so it is skipped
# whenever an exception propagates (and the early returns skip it too).
def run_step(action, commit, log):
    log.append("try")
    result = None
    try:
        value = action()
    except ValueError as error:
        log.append(f"except: {error}")
    else:
        log.append("else")
        result = commit(value)
    log.append("finally")
    return result


def retry(action, times, log):
    for attempt in range(1, times + 1):
        log.append(f"attempt {attempt}")
        try:
            return action(attempt)
        except ValueError as error:
            log.append(f"failed {attempt}: {error}")
            if attempt == times:
                raise
        finally:
            log.append(f"cleanup {attempt}")
