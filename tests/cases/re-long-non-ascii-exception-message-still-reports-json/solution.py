def solve():
    raise ValueError("x" + "\u00e9" * 3000)
