"""`size` allowed values and `size` queries over [-10^9, 10^9].

About half of the queries are copies of allowed values (so there are repeats), the rest are
fresh random values that are almost surely absent: a list scan does the full len(allowed)
comparisons for each of those.
"""

LIMIT = 10**9


def generate(rng, size):
    allowed = [rng.randint(-LIMIT, LIMIT) for _ in range(size)]
    queries = []
    for _ in range(size):
        if allowed and rng.random() < 0.5:
            queries.append(rng.choice(allowed))
        else:
            queries.append(rng.randint(-LIMIT, LIMIT))
    return {"args": [allowed, queries]}
