"""`size` integers spread over [-10^5, 10^5]: few repeated values, ~n^3 / 10^6 triplets."""

LIMIT = 10**5


def generate(rng, size):
    nums = [rng.randint(-LIMIT, LIMIT) for _ in range(max(size, 3))]
    return {"args": [nums]}
