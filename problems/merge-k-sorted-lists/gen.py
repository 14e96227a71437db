"""About `size` nodes in size / 5 sorted lists (a few of them empty, some much longer than
the rest), values in [-10^4, 10^4]: many equal values sit in different lists."""

LIMIT = 10**4


def build(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def generate(rng, size):
    k = max(size // 5, 1)
    lengths = [0 if rng.random() < 0.05 else rng.randint(1, 7) for _ in range(k)]
    for _ in range(max(k // 100, 1)):  # a few long lists
        lengths[rng.randrange(k)] += rng.randint(10, 200)
    total = sum(lengths)
    if total > size:  # trim back to about `size` nodes
        scale = size / total
        lengths = [int(n * scale) for n in lengths]
    lists = [build(sorted(rng.randint(-LIMIT, LIMIT) for _ in range(n))) for n in lengths]
    return {"args": [lists]}
