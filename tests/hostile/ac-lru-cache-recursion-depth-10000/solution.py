# lru_cache recursion to depth 10**4 with a raised recursion limit fits in the C stack.
import functools
import sys

sys.setrecursionlimit(30000)


@functools.lru_cache(maxsize=None)
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)


def solve():
    return count_down(10**4)
