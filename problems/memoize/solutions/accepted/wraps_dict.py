# Reference: a dict per decorated function, keyed by the args tuple; functools.wraps for metadata.
from functools import wraps


def memoize(func):
    cache = {}

    @wraps(func)
    def wrapper(*args):
        if args not in cache:
            wrapper.calls += 1
            cache[args] = func(*args)
        return cache[args]

    wrapper.calls = 0
    return wrapper
