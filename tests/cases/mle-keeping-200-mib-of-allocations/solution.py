def solve():
    x = [bytearray(2**20) for _ in range(200)]
    return len(x) - 200
