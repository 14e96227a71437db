"""Random StepRange bounds (positive and negative steps, steps that do or do not divide the
length, empty ranges), each looped over twice and zipped with itself; plus one iterator shared
by both sides of a zip.

`size` bounds the number of values of each range; the code holds 30 ranges.
"""


def generate(rng, size):
    triples = []
    for _ in range(30):
        step = rng.choice([1, 1, 2, 3, 7, 10, 1000]) * rng.choice([1, -1])
        length = rng.randrange(0, size + 1)
        start = rng.randrange(-10**6, 10**6)
        stop = start + step * length - rng.randrange(0, abs(step)) * (1 if step > 0 else -1)
        if rng.random() < 0.1:  # empty: stop on the wrong side of start
            stop = start - step * rng.randrange(1, 5)
        triples.append((start, stop, step))
    code = f"""\
triples = {triples!r}
result = []
for start, stop, step in triples:
    r = StepRange(start, stop, step)
    first = list(r)
    result.append((len(first), first[:3], first[-3:], sum(r), sum(a == b for a, b in zip(r, r))))
it = StepRangeIterator(*triples[0])
result.append(sum(b - a for a, b in zip(it, it)))
"""
    return {"code": code}
