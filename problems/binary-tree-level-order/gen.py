"""A random binary tree of `size` nodes: each new node takes a random free child slot of the
tree built so far (a random-BST-like shape: depth O(log n), some levels very ragged)."""


def generate(rng, size):
    if size == 0:
        return {"args": [None]}
    root = TreeNode(rng.randint(-1000, 1000))
    slots = [(root, "left"), (root, "right")]
    for _ in range(size - 1):
        i = rng.randrange(len(slots))
        slots[i], slots[-1] = slots[-1], slots[i]
        parent, side = slots.pop()
        child = TreeNode(rng.randint(-1000, 1000))
        setattr(parent, side, child)
        slots += [(child, "left"), (child, "right")]
    return {"args": [root]}
