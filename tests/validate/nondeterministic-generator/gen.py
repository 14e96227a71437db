import random


def generate(rng, size):
    # The mistake: the module-level random, not the seeded rng it is given.
    return {"args": [random.randint(0, 10**9), size]}
