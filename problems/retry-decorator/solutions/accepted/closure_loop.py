# Reference: a decorator factory; the wrapper loops over the attempts and re-raises on the last one.
from functools import wraps


def retry(times, exceptions=(Exception,)):
    if times < 1:
        raise ValueError("times must be at least 1")

    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            wrapper.attempts = 0
            while True:
                wrapper.attempts += 1
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if wrapper.attempts >= times:
                        raise

        wrapper.attempts = 0
        return wrapper

    return decorator
