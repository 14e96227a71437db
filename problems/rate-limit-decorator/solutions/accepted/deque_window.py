# Reference: a deque of accepted timestamps per decorated function; expired ones drop off the left.
import time
from collections import deque
from functools import wraps


class RateLimitExceeded(Exception):
    def __init__(self, retry_after):
        super().__init__(f"rate limit exceeded, retry after {retry_after}")
        self.retry_after = retry_after


def rate_limit(calls, period, clock=time.monotonic):
    if calls < 1 or period <= 0:
        raise ValueError("calls must be >= 1 and period > 0")

    def decorator(func):
        history = deque()

        @wraps(func)
        def wrapper(*args, **kwargs):
            now = clock()
            while history and now - history[0] >= period:
                history.popleft()
            if len(history) >= calls:
                raise RateLimitExceeded(history[0] + period - now)
            history.append(now)
            return func(*args, **kwargs)

        wrapper.history = history
        return wrapper

    return decorator
