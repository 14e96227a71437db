# Uses no CPU at all: only the wall-clock kill (2 s here) can end it.
import time


def solve():
    time.sleep(60)
    return 0
