import time


def solve():
    time.sleep(60)  # no CPU used: only the wall-clock deadline can end this
    return 0
