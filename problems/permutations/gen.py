"""`size` distinct integers drawn from [-10, 10], in random order (size! permutations)."""


def generate(rng, size):
    return {"args": [rng.sample(range(-10, 11), size)]}
