# The package's include/python3/: added to every submission (problemtools copies it in).
import sys


def read_list():
    n = int(sys.stdin.readline())
    xs = [int(w) for w in sys.stdin.readline().split()]
    assert len(xs) == n
    return xs
