# Allocates zero-filled 16 MiB bytearrays until memory runs out (bounded at 8 GiB in total).


def solve():
    kept = []
    for _ in range(512):            # 512 x 16 MiB = 8 GiB at most
        kept.append(bytearray(16 << 20))
    return 0
