def solve(n):
    if n == -1:
        buf = bytearray(50 * 2**20)  # zero-filled: all of it resident while solve() returns
        return buf[-1]
    if n == -2:
        strings = [str(i) * 3 for i in range(300000)]
        return 0 if strings else 1
    d = {i: str(i) for i in range(n)}
    return 0 if d else 1
