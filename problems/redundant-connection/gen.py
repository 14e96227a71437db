"""A random tree on `size` nodes (each node hangs from a random earlier one, labels shuffled)
plus one extra edge between two nodes that are not adjacent; edges shuffled and randomly
oriented."""


def generate(rng, size):
    label = list(range(1, size + 1))
    rng.shuffle(label)
    edges = {(i, rng.randrange(i)) for i in range(1, size)}
    while True:
        u, v = rng.sample(range(size), 2)
        if (u, v) not in edges and (v, u) not in edges:
            break
    edges = [[label[a], label[b]] if rng.random() < 0.5 else [label[b], label[a]]
             for a, b in list(edges) + [(u, v)]]
    rng.shuffle(edges)
    return {"args": [edges]}
