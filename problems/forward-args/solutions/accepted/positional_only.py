# Reference: `func` is positional-only, so every other argument (even one named func) is forwarded.
from functools import wraps

CALL_LOG = []


def _describe(func, args, kwargs):
    params = [repr(a) for a in args] + [f"{key}={value!r}" for key, value in kwargs.items()]
    return f"{func.__name__}({', '.join(params)})"


def call_with_logging(func, /, *args, **kwargs):
    call = _describe(func, args, kwargs)
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        CALL_LOG.append(f"{call} raised {type(exc).__name__}")
        raise
    CALL_LOG.append(f"{call} -> {result!r}")
    return result


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return call_with_logging(func, *args, **kwargs)

    return wrapper


def merge_options(*dicts, **overrides):
    merged = {}
    for options in dicts:
        merged.update(options)
    merged.update(overrides)
    return merged
