"""A caterpillar of `size` nodes with distinct values: a spine of about 2/3 of the nodes, each
spine node the left or the right child of the previous one at random, with single leaves hanging
off the other side. p is the deepest node and q a leaf or spine node near the bottom, so the
answer lies thousands of levels down."""


def generate(rng, size):
    values = iter(rng.sample(range(-10**9, 10**9 + 1), size))
    spine = [TreeNode(next(values))]
    leaves = []  # (index of the spine node it hangs from, leaf)
    count = 1
    while count < size:
        node = spine[-1]
        spine_side, leaf_side = ("left", "right") if rng.random() < 0.5 else ("right", "left")
        if count + 1 < size and rng.random() < 0.5:
            leaf = TreeNode(next(values))
            setattr(node, leaf_side, leaf)
            leaves.append((len(spine) - 1, leaf))
            count += 1
        child = TreeNode(next(values))
        setattr(node, spine_side, child)
        spine.append(child)
        count += 1
    near_bottom = [leaf for i, leaf in leaves if i >= len(spine) - 20] + spine[-20:-1]
    q = rng.choice(near_bottom)
    return {"args": [spine[0], spine[-1].val, q.val]}
