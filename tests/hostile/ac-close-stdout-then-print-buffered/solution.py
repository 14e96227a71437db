# Closes fd 1, then prints without flushing: the write only fails when the harness flushes
# stdout after the call, which is not the candidate's error; the returned value is right.
import os


def solve():
    os.close(1)
    print("hello")
    return 0
