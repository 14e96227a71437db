# Closes fd 1, then prints with flush=True: the write fails with EBADF in the candidate's code.
import os


def solve():
    os.close(1)
    print("hello", flush=True)
    return 0
