"""`size` courses and `size` random prerequisites that respect a hidden random order of the
courses, so they can all be taken (answer True)."""


def generate(rng, size):
    order = list(range(size))
    rng.shuffle(order)
    prerequisites = []
    for _ in range(size):
        i, j = rng.sample(range(size), 2)
        if i > j:
            i, j = j, i
        prerequisites.append([order[j], order[i]])  # order[i] comes first
    return {"args": [size, prerequisites]}
