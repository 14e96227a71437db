"""A valid BST of `size` distinct values: random values inserted one by one, so the shape is a
random BST (depth O(log n))."""


def generate(rng, size):
    root = None
    for v in rng.sample(range(-2**31, 2**31), size):
        node = TreeNode(v)
        if root is None:
            root = node
            continue
        cur = root
        while True:
            side = "left" if v < cur.val else "right"
            nxt = getattr(cur, side)
            if nxt is None:
                setattr(cur, side, node)
                break
            cur = nxt
    return {"args": [root]}
