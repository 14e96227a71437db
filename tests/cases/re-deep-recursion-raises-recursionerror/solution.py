def depth(n):
    return depth(n + 1) + 1


def solve():
    return depth(0)
