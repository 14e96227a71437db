"""A random binary tree of `size` nodes with distinct values (each new node takes a random free
child slot, so the depth is O(log n)), and two distinct random node values p, q."""


def generate(rng, size):
    values = rng.sample(range(-10**9, 10**9 + 1), size)
    root = TreeNode(values[0])
    slots = [(root, "left"), (root, "right")]
    for v in values[1:]:
        i = rng.randrange(len(slots))
        slots[i], slots[-1] = slots[-1], slots[i]
        parent, side = slots.pop()
        child = TreeNode(v)
        setattr(parent, side, child)
        slots += [(child, "left"), (child, "right")]
    p, q = rng.sample(values, 2)
    return {"args": [root, p, q]}
