# Wrong: mutable default argument; every decorated function shares the one `history` list.
import time
from functools import wraps


class RateLimitExceeded(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def rate_limit(calls, period, clock=time.monotonic, history=[]):
    if calls < 1 or period <= 0:
        raise ValueError("calls must be >= 1 and period > 0")

    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            now = clock()
            while history and now - history[0] >= period:
                history.pop(0)
            if len(history) >= calls:
                raise RateLimitExceeded(history[0] + period - now)
            history.append(now)
            return func(*args, **kwargs)

        wrapper.history = history
        return wrapper

    return decorator
