# Crashes: increments wrapper.calls without ever setting it to 0 first -> AttributeError.
from functools import wraps


def memoize(func):
    cache = {}

    @wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
            wrapper.calls += 1
        return cache[args]

    return wrapper
