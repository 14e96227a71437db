# Writes 257 MiB into fd 3, the judge's result channel: over its 16 MiB limit (the box's reader stops at 256 MiB).
import os


def solve():
    chunk = b"\0" * (1 << 20)
    for _ in range(257):
        os.write(3, chunk)
    return 0
