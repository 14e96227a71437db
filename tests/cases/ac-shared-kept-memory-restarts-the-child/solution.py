kept = []

def solve(n):
    if n:
        kept.append(bytearray(48 * 2**20))
        return 0
    buf = bytearray(50 * 2**20)
    return buf[-1]
