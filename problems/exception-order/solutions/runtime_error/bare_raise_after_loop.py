# Crashes: a bare `raise` after the loop is outside any except block, so when every attempt fails
# it raises "RuntimeError: No active exception to reraise" instead of the last ValueError.
def run_step(action, commit, log):
    log.append("try")
    try:
        value = action()
    except ValueError as error:
        log.append(f"except: {error}")
        return None
    else:
        log.append("else")
        return commit(value)
    finally:
        log.append("finally")


def retry(action, times, log):
    for attempt in range(1, times + 1):
        log.append(f"attempt {attempt}")
        try:
            return action(attempt)
        except ValueError as error:
            log.append(f"failed {attempt}: {error}")
        finally:
            log.append(f"cleanup {attempt}")
    raise
