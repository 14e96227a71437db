# Floods stderr with raw writes (bypassing Python's buffering), up to 1 GiB.
import os


def solve():
    chunk = b"e" * (1 << 16)
    for _ in range(1 << 14):
        os.write(2, chunk)
    return 0
