# Each level is two recursion steps in CPython 3.11 (the Python frame and the lru_cache C
# wrapper), so depth 10**4 needs a limit above 20000, exactly as with python3 itself.
import functools
import sys

sys.setrecursionlimit(30000)


@functools.lru_cache(maxsize=None)
def count_down(n):
    return 0 if n == 0 else count_down(n - 1)


def solve():
    return count_down(10**4)
