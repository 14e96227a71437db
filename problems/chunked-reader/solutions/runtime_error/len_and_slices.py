# Crashes: indexes with len() and slices, which only works on sequences -> TypeError on a generator.
def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    for start in range(0, len(iterable), size):
        yield list(iterable[start:start + size])


def sliding_window(iterable, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    for start in range(len(iterable) - n + 1):
        yield tuple(iterable[start:start + n])
