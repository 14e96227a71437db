"""Random get/put sequences with skewed key popularity, so use counts spread out and ties
between keys with the same count are common.

`size` is the number of operations. Small sizes use a small cache (capacity 1-6) over a few
keys; from 10^4 operations on, the capacity is size / 4 and new keys keep arriving, so about
one put in three evicts from a cache of ~size / 4 keys.
"""


def generate(rng, size):
    n = max(size, 2)
    if n < 10000:
        capacity = rng.randint(1, 6)
        key_space, hot = rng.randint(capacity + 1, 4 * capacity + 4), 3
    else:
        capacity, key_space, hot = n // 4, 10**9, 200
    ops, args = ["LFUCache"], [[capacity]]
    seen = []
    for i in range(min(capacity, n // 3)):  # fill the cache first
        key = rng.randrange(key_space)
        ops.append("put")
        args.append([key, rng.randrange(10**5)])
        seen.append(key)
    while len(ops) < n:
        r = rng.random()
        if r < 0.35 or not seen:
            key = rng.randrange(key_space)  # mostly new keys on the large tests
            seen.append(key)
        elif r < 0.75:
            key = seen[-1 - min(int(rng.expovariate(1 / hot)), len(seen) - 1)]  # recent keys
        else:
            key = rng.choice(seen)
        if rng.random() < 0.5:
            ops.append("put")
            args.append([key, rng.randrange(10**5)])
        else:
            ops.append("get")
            args.append([key])
    return {"ops": ops, "args": args}
