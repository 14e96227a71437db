import sys


def solve():
    for i in range(10**6):
        sys.stderr.write("debug line %d\n" % i)
    return 0
