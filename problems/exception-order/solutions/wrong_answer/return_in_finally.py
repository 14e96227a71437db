# Wrong: returns from inside the finally block, which silently swallows any exception that was
# propagating (the KeyError from the action, the errors raised by commit).
def run_step(action, commit, log):
    result = None
    log.append("try")
    try:
        value = action()
    except ValueError as error:
        log.append(f"except: {error}")
    else:
        log.append("else")
        result = commit(value)
    finally:
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
