"""A degenerate tree: a single path of `size` nodes, each the left or the right child of the
previous one at random, so the tree is `size` levels deep."""


def generate(rng, size):
    root = node = TreeNode(rng.randint(-1000, 1000))
    for _ in range(size - 1):
        child = TreeNode(rng.randint(-1000, 1000))
        if rng.random() < 0.5:
            node.left = child
        else:
            node.right = child
        node = child
    return {"args": [root]}
