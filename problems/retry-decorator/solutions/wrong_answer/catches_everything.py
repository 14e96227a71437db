# Wrong: retries on every Exception instead of only the listed ones, so a ValueError is retried too.
from functools import wraps


def retry(times, exceptions=(Exception,)):
    if times < 1:
        raise ValueError("times must be at least 1")

    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                wrapper.attempts = attempt
                try:
                    return func(*args, **kwargs)
                except Exception:
                    if attempt == times:
                        raise

        wrapper.attempts = 0
        return wrapper

    return decorator
