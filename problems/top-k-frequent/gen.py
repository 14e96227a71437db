"""`size` integers, about 60% of them distinct, with a skewed tail of heavy hitters.

Every distinct value occurs once, and the remaining occurrences go mostly to a few values
(index ~ d * u^3), so counts have many ties. k is picked among the positions where the sorted
counts strictly drop (or k = d), which keeps the answer unique.
"""

LIMIT = 10**9


def generate(rng, size):
    n = max(size, 1)
    d = max(1, int(n * rng.uniform(0.55, 0.65)))
    counts = [1] * d
    for _ in range(n - d):
        counts[int(d * rng.random() ** 3)] += 1
    values = rng.sample(range(-LIMIT, LIMIT + 1), d)
    ranked = sorted(counts, reverse=True)
    cuts = [k for k in range(1, d) if ranked[k - 1] > ranked[k]] + [d]
    # mostly a cut among the heavy hitters, sometimes the last cut (all values with count > 1)
    k = rng.choice(cuts[:-1]) if len(cuts) > 2 and rng.random() < 0.8 else rng.choice(cuts)
    nums = [v for v, c in zip(values, counts) for _ in range(c)]
    rng.shuffle(nums)
    return {"args": [nums, k]}
