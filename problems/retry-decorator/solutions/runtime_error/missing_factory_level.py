# Crashes: a plain decorator with a `times` parameter; @retry(3) then calls 3(func) -> TypeError.
from functools import wraps


def retry(func, times=3, exceptions=(Exception,)):
    @wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(1, times + 1):
            wrapper.attempts = attempt
            try:
                return func(*args, **kwargs)
            except exceptions:
                if attempt == times:
                    raise

    wrapper.attempts = 0
    return wrapper
