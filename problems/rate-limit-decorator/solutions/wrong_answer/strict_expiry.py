# Wrong: off by one at the boundary; a call made exactly `period` ago is still counted (> instead of >=).
import time
from collections import deque
from functools import wraps


class RateLimitExceeded(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def rate_limit(calls, period, clock=time.monotonic):
    if calls < 1 or period <= 0:
        raise ValueError("calls must be >= 1 and period > 0")

    def decorator(func):
        history = deque()

        @wraps(func)
        def wrapper(*args, **kwargs):
            now = clock()
            while history and now - history[0] > period:
                history.popleft()
            if len(history) >= calls:
                raise RateLimitExceeded(history[0] + period - now)
            history.append(now)
            return func(*args, **kwargs)

        wrapper.history = history
        return wrapper

    return decorator
