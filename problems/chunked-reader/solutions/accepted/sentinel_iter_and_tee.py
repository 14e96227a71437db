# chunked via iter(callable, sentinel); sliding_window by staggering n tee'd copies and zipping them.
from itertools import islice, tee


def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    it = iter(iterable)
    yield from iter(lambda: tuple(islice(it, size)), ())


def sliding_window(iterable, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    copies = tee(iterable, n)
    for skip, copy in enumerate(copies):
        for _ in islice(copy, skip):
            pass
    yield from zip(*copies)
