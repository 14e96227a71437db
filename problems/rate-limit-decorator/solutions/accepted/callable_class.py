# A class-based decorator: each instance keeps its own list of timestamps, re-filtered on each call.
import functools
import time


class RateLimitExceeded(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class rate_limit:
    def __init__(self, calls, period, clock=time.monotonic):
        if calls < 1 or period <= 0:
            raise ValueError("calls must be >= 1 and period > 0")
        self.calls, self.period, self.clock = calls, period, clock

    def __call__(self, func):
        calls, period, clock = self.calls, self.period, self.clock

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            now = clock()
            wrapper.history = [t for t in wrapper.history if now - t < period]
            if len(wrapper.history) >= calls:
                raise RateLimitExceeded(wrapper.history[0] + period - now)
            wrapper.history.append(now)
            return func(*args, **kwargs)

        wrapper.history = []
        return wrapper
