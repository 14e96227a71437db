# Too much memory: copies the whole input into a list first, which never ends on an endless iterator.
def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    items = list(iterable)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def sliding_window(iterable, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    items = list(iterable)
    for start in range(len(items) - n + 1):
        yield tuple(items[start:start + n])
