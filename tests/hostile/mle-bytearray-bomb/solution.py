# Allocates zero-filled 64 MiB bytearrays until memory runs out (bounded at 8 GiB in total).


def solve():
    kept = []
    for _ in range(128):            # 128 x 64 MiB = 8 GiB at most
        kept.append(bytearray(64 << 20))
    return 0
