"""A random BST of `size` distinct values (built as in gen.py) with one leaf's value changed so
that it is still on the correct side of its parent but outside the range an ancestor higher up
allows: only a check of the full (lo, hi) range sees that the tree is invalid."""


def generate(rng, size):
    root = None
    for v in rng.sample(range(-2**31 + 1, 2**31 - 1), size):
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
    # Leaves whose range has a bound set by an ancestor other than the parent, on the side
    # away from the parent: a left child needs a finite lower bound, a right child an upper one.
    candidates, stack = [], [(root, None, None, None)]
    while stack:
        node, lo, hi, side = stack.pop()
        if node.left is None and node.right is None:
            if side == "left" and lo is not None:
                candidates.append((node, lo - 1))
            elif side == "right" and hi is not None:
                candidates.append((node, hi + 1))
        if node.left:
            stack.append((node.left, lo, node.val, "left"))
        if node.right:
            stack.append((node.right, node.val, hi, "right"))
    node, value = rng.choice(candidates)
    node.val = value
    return {"args": [root]}
