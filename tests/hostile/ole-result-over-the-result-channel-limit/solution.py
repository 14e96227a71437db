# A 20 MiB string: over the 16 MiB result channel limit, refused before it is decoded.
def solve():
    return "x" * (20 << 20)
