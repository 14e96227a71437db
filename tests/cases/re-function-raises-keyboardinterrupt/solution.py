def solve():
    raise KeyboardInterrupt
