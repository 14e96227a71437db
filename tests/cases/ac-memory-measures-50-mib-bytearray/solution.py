# bytearray(n) zero-fills, so all 50 MiB are resident while solve() returns.
def solve():
    buf = bytearray(50 * 2**20)
    return buf[-1]
