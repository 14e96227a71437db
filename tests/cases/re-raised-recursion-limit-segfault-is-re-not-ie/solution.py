# Plain Python-to-Python calls do not use the C stack in CPython 3.11 (they would end in a
# RecursionError at 10**6 frames after ~1.5 s); through lru_cache's C wrapper every level
# does, so the stack overflows within ~0.1 s and the process dies of SIGSEGV.
import functools
import sys

sys.setrecursionlimit(10**6)


@functools.lru_cache(maxsize=None)
def depth(n):
    return depth(n + 1) + 1


def solve():
    return depth(0)
