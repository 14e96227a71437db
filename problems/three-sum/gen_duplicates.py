"""`size` integers, mostly from a narrow range [-w, w] (w <= 100), so every value (zero
included) repeats many times and duplicate triplets must be skipped; plus a few large triples
x + y + z == 0 with |x| up to 10^5."""

LIMIT = 10**5


def generate(rng, size):
    n = max(size, 3)
    w = min(100, max(n // 10, 2))
    triples = n // 60
    nums = [rng.randint(-w, w) for _ in range(n - 3 * triples)]
    for _ in range(triples):
        x = rng.randint(LIMIT // 2, LIMIT)
        sign = rng.choice((1, -1))
        nums += [sign * x, -sign * (x // 2), -sign * (x - x // 2)]
    rng.shuffle(nums)
    return {"args": [nums]}
