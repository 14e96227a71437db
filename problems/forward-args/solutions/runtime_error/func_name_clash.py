# Crashes: `func` is an ordinary parameter, so forwarding a keyword named func -> TypeError (multiple values).
from functools import wraps

CALL_LOG = []


def call_with_logging(func, *args, **kwargs):
    params = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    call = f"{func.__name__}({', '.join(params)})"
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
