"""`size` courses where course i requires course i + 1: a single chain `size` long that must be
taken from the highest number down (answer True), plus `size` // 2 shortcuts i -> j for j > i + 1
that the chain already implies. The pairs are shuffled."""


def generate(rng, size):
    prerequisites = [[i, i + 1] for i in range(size - 1)]
    for _ in range(size // 2):
        i = rng.randrange(size - 2)
        prerequisites.append([i, rng.randrange(i + 2, size)])
    rng.shuffle(prerequisites)
    return {"args": [size, prerequisites]}
