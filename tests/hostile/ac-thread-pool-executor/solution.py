# concurrent.futures.ThreadPoolExecutor mapping over a range.
from concurrent.futures import ThreadPoolExecutor


def solve():
    with ThreadPoolExecutor(max_workers=4) as pool:
        return sum(pool.map(lambda x: x * x, range(100)))
