# Wrong: appends "cleanup n" after the try statement, so the return of a successful attempt (and
# any propagating error) skips it.
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
    last_error = None
    for attempt in range(1, times + 1):
        log.append(f"attempt {attempt}")
        try:
            return action(attempt)
        except ValueError as error:
            log.append(f"failed {attempt}: {error}")
            last_error = error
        log.append(f"cleanup {attempt}")
    raise last_error
