"""A random get/put sequence on a large cache with a few hot keys.

`size` is the number of operations. The first size // 3 operations fill the cache (capacity
size // 3) with distinct keys; after that: puts of new keys (evictions), puts and gets of the
recently used keys (hits on the most recent end), and gets of random keys (mostly misses).
"""


def generate(rng, size):
    n = max(size, 4)
    capacity = max(n // 3, 1)
    key_space = n
    ops, args = ["LRUCache"], [[capacity]]
    recent = []  # the last keys touched, most of them are still cached
    for key in rng.sample(range(key_space), capacity):
        ops.append("put")
        args.append([key, rng.randrange(10**9)])
        recent.append(key)
    while len(ops) < n:
        r = rng.random()
        if r < 0.30:
            op, key = "put", rng.randrange(key_space)
        elif r < 0.50:
            op, key = "put", rng.choice(recent[-50:])
        elif r < 0.85:
            op, key = "get", rng.choice(recent[-50:])
        else:
            op, key = "get", rng.randrange(key_space)
        ops.append(op)
        args.append([key, rng.randrange(10**9)] if op == "put" else [key])
        recent.append(key)
        if len(recent) > 1000:
            del recent[:-50]
    return {"ops": ops, "args": args}
