"""`size` random values in [-10^4, 10^4] and a window of about half the list (k in [0.4 n,
0.6 n]); half of the tests drift slowly downwards, so the maximum keeps changing as old peaks
leave the window."""

LIMIT = 10**4


def generate(rng, size):
    n = max(size, 1)
    if rng.random() < 0.5:
        nums = [rng.randint(-LIMIT, LIMIT) for _ in range(n)]
    else:  # a falling trend plus noise: each window's maximum is near its left end
        nums = [max(-LIMIT, min(LIMIT, LIMIT - 2 * LIMIT * i // n + rng.randint(-500, 500)))
                for i in range(n)]
    k = max(1, min(n, rng.randint(4 * n // 10, 6 * n // 10)))
    return {"args": [nums, k]}
