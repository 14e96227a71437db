"""Like gen_dag.py (`size` courses, `size` prerequisites respecting a random order), plus a path
through `size` // 10 random courses in that order whose last course is made a prerequisite of
its first: one long cycle (answer False)."""


def generate(rng, size):
    order = list(range(size))
    rng.shuffle(order)
    prerequisites = []
    for _ in range(size):
        i, j = rng.sample(range(size), 2)
        if i > j:
            i, j = j, i
        prerequisites.append([order[j], order[i]])
    path = sorted(rng.sample(range(size), max(size // 10, 2)))
    for i, j in zip(path, path[1:]):
        prerequisites.append([order[j], order[i]])
    prerequisites.append([order[path[0]], order[path[-1]]])
    rng.shuffle(prerequisites)
    return {"args": [size, prerequisites]}
