# Appends 8 MiB lists until memory runs out (bounded at 8 GiB in total).


def solve():
    kept = []
    for _ in range(1024):           # 1024 x 8 MiB = 8 GiB at most
        kept.append([0] * (1 << 20))
    return 0
