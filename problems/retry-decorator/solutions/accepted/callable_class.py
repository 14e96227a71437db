# A class-based decorator: the instance keeps the attempt count; update_wrapper copies metadata.
import functools


class retry:
    def __init__(self, times, exceptions=(Exception,)):
        if times < 1:
            raise ValueError(f"times must be >= 1, got {times}")
        self.times = times
        self.exceptions = exceptions

    def __call__(self, func):
        times, exceptions = self.times, self.exceptions

        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                wrapper.attempts = attempt
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise

        functools.update_wrapper(wrapper, func)
        wrapper.attempts = 0
        return wrapper
