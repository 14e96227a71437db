# Closes fd 3, so the harness cannot report the (correct) return value: no result is RE.
import os


def solve():
    os.close(3)
    return 0
