def solve():
    buf = bytearray(10**10)
    return len(buf)
