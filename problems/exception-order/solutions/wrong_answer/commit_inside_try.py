# Wrong: calls commit() inside the try body instead of an else block, so a ValueError raised
# by commit is caught and handled as if the action had failed.
def run_step(action, commit, log):
    log.append("try")
    try:
        value = action()
        log.append("else")
        return commit(value)
    except ValueError as error:
        log.append(f"except: {error}")
        return None
    finally:
        log.append("finally")


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
