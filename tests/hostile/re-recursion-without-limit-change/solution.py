# Unbounded recursion at the default limit: Python's own RecursionError, reported as RE.


def down(n):
    return down(n + 1) + 1


def solve():
    return down(0)
