# A blocking read(2) on a pipe whose write end it keeps open itself: never returns.
import os


def solve():
    r, w = os.pipe()
    os.read(r, 1)
    return 0
