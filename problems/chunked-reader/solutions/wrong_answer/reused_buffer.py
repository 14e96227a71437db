# Wrong: yields the same list object every time and clears it, so collected chunks all change together.
from collections import deque


def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    buffer = []
    for item in iterable:
        buffer.append(item)
        if len(buffer) == size:
            yield buffer
            buffer.clear()
    if buffer:
        yield buffer


def sliding_window(iterable, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    window = deque(maxlen=n)
    for item in iterable:
        window.append(item)
        if len(window) == n:
            yield tuple(window)
