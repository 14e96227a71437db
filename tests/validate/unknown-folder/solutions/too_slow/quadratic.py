def add(a, b):
    return sum(1 for _ in range(a)) + b if a > 0 else a + b
