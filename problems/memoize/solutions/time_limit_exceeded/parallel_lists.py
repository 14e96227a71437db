# Too slow: keeps arguments and results in two lists, so every lookup is an O(n) scan.
from functools import wraps


def memoize(func):
    seen_args, results = [], []

    @wraps(func)
    def wrapper(*args):
        if args in seen_args:
            return results[seen_args.index(args)]
        wrapper.calls += 1
        value = func(*args)
        seen_args.append(args)
        results.append(value)
        return value

    wrapper.calls = 0
    return wrapper
