import time


def generate(rng, size):
    time.sleep(1.5)
    return {"args": [rng.randint(0, 100), rng.randint(0, 100)]}
