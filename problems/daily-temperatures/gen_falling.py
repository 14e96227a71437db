"""`size` temperatures that never rise (100 down to 30, each value held for a stretch), except
for a single warmer day at the very end for half of the tests: a forward scan from every day
runs to the end, O(n^2)."""


def generate(rng, size):
    n = max(size, 1)
    temperatures = sorted((rng.randint(30, 99) for _ in range(n)), reverse=True)
    if rng.random() < 0.5:
        temperatures[-1] = 100
    return {"args": [temperatures]}
