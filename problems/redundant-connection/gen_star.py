"""A star: one centre joined to the other `size` - 1 nodes, each edge randomly oriented and the
edges shuffled, plus one extra edge between two leaves at a random position (the cycle is a
triangle). For union-find without path compression or union by rank, the centre ends up at the
bottom of a chain that grows by one with about every other edge, so each find of the centre
walks that chain: O(n^2) in all, whichever way the roots are linked."""


def generate(rng, size):
    label = list(range(1, size + 1))
    rng.shuffle(label)
    centre, leaves = label[0], label[1:]
    edges = [[centre, x] if rng.random() < 0.5 else [x, centre] for x in leaves]
    rng.shuffle(edges)
    a, b = rng.sample(leaves, 2)
    edges.insert(rng.randrange(len(edges) + 1), [a, b])
    return {"args": [edges]}
