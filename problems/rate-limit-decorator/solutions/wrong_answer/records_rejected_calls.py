# Wrong: records the timestamp before checking the budget, so rejected calls use up the window too.
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
            while history and now - history[0] >= period:
                history.popleft()
            history.append(now)
            if len(history) > calls:
                raise RateLimitExceeded(history[0] + period - now)
            return func(*args, **kwargs)

        wrapper.history = history
        return wrapper

    return decorator
