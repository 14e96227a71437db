# Reference: islice pulls one chunk at a time; a bounded deque slides the window one item at a time.
from collections import deque
from itertools import islice


def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    it = iter(iterable)
    while chunk := list(islice(it, size)):
        yield chunk


def sliding_window(iterable, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    it = iter(iterable)
    window = deque(islice(it, n - 1), maxlen=n)
    for item in it:
        window.append(item)
        yield tuple(window)
