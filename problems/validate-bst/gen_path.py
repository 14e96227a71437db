"""A valid BST that is a single zigzag path of `size` nodes (depth `size`): each node is the
smallest or the largest remaining value and the rest of the values hang below it on the other
side."""


def generate(rng, size):
    values = sorted(rng.sample(range(-2**31, 2**31), size))
    lo, hi = 0, size - 1
    root = parent = side = None
    while lo <= hi:
        if rng.random() < 0.5:
            node, lo, below = TreeNode(values[lo]), lo + 1, "right"
        else:
            node, hi, below = TreeNode(values[hi]), hi - 1, "left"
        if parent is None:
            root = node
        else:
            setattr(parent, side, node)
        parent, side = node, below
    return {"args": [root]}
