# Alternative: retry remembers the last ValueError and raises it after the loop.
def run_step(action, commit, log):
    try:
        log.append("try")
        try:
            value = action()
        except ValueError as error:
            log.append("except: " + str(error))
            return None
        log.append("else")
        return commit(value)
    finally:
        log.append("finally")


def retry(action, times, log):
    last_error = None
    for attempt in range(1, times + 1):
        log.append(f"attempt {attempt}")
        try:
            result = action(attempt)
        except ValueError as error:
            log.append(f"failed {attempt}: {error}")
            last_error = error
        else:
            return result
        finally:
            log.append(f"cleanup {attempt}")
    raise last_error
