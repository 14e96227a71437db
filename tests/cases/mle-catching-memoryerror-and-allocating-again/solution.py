def solve():
    kept = []
    for _ in range(10**4):
        try:
            kept.append(bytearray(2**20))
        except MemoryError:
            pass
    return 0
