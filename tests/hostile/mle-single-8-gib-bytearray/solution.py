# One 8 GiB allocation: refused by RLIMIT_DATA at once (MemoryError), which is MLE, not RE.


def solve():
    block = bytearray(8 << 30)
    return len(block) * 0
