# sys.setrecursionlimit(10**6), then recursion through lru_cache's C wrapper: every level uses
# the C stack, which overflows (RLIMIT_STACK) and the process dies of SIGSEGV. That is the
# candidate's crash (RE), not an internal error of the judge.
import functools
import sys

sys.setrecursionlimit(10**6)


@functools.lru_cache(maxsize=None)
def depth(n):
    return depth(n + 1) + 1


def solve():
    return depth(0)
