"""`size` random temperatures in [30, 100] following a random walk (so warmer days are often
near, sometimes far away)."""


def generate(rng, size):
    t = rng.randint(30, 100)
    temperatures = []
    for _ in range(max(size, 1)):
        t = min(100, max(30, t + rng.randint(-3, 3)))
        temperatures.append(t)
    return {"args": [temperatures]}
