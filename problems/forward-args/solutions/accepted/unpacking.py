# Builds the call text with itertools.chain and merges with ** unpacking; a finally-free variant.
import functools
import itertools

CALL_LOG = []


def call_with_logging(func, /, *args, **kwargs):
    shown = ", ".join(itertools.chain(map(repr, args), (f"{k}={v!r}" for k, v in kwargs.items())))
    head = f"{func.__name__}({shown})"
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        CALL_LOG.append(head + " raised " + exc.__class__.__name__)
        raise exc
    CALL_LOG.append(head + " -> " + repr(result))
    return result


def logged(func):
    return functools.wraps(func)(functools.partial(call_with_logging, func))


def merge_options(*dicts, **overrides):
    return {k: v for d in (*dicts, overrides) for k, v in d.items()}
