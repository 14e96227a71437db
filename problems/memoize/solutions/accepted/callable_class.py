# A callable class: the instance holds the cache and the counter; update_wrapper copies metadata.
import functools

_MISSING = object()


class memoize:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.cache = {}
        self.calls = 0

    def __call__(self, *args):
        value = self.cache.get(args, _MISSING)
        if value is _MISSING:
            self.calls += 1
            value = self.cache[args] = self.func(*args)
        return value
