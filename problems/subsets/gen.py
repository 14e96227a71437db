"""`size` distinct integers drawn from [-10, 10], in random order (2^size subsets)."""


def generate(rng, size):
    return {"args": [rng.sample(range(-10, 11), size)]}
