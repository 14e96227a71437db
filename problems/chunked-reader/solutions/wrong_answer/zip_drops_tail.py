# Wrong: the zip(*[iter(it)] * size) idiom silently drops the last, shorter chunk.
from collections import deque


def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    it = iter(iterable)
    for chunk in zip(*[it] * size):
        yield list(chunk)


def sliding_window(iterable, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    window = deque(maxlen=n)
    for item in iterable:
        window.append(item)
        if len(window) == n:
            yield tuple(window)
