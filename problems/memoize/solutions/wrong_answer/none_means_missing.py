# Wrong: uses None as the "not cached" marker, so functions returning None are re-run every time.
from functools import wraps


def memoize(func):
    cache = {}

    @wraps(func)
    def wrapper(*args):
        value = cache.get(args)
        if value is None:
            wrapper.calls += 1
            value = cache[args] = func(*args)
        return value

    wrapper.calls = 0
    return wrapper
