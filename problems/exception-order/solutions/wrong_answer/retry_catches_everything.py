# Wrong: catches every Exception instead of only ValueError, so a ZeroDivisionError or IndexError
# is retried instead of propagating at once.
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
        except Exception as error:
            log.append(f"failed {attempt}: {error}")
            if attempt == times:
                raise
        finally:
            log.append(f"cleanup {attempt}")
