"""`size` random values in [-10^4, 10^4] (so values repeat when size is large) and k in
[0.4 n, 0.6 n]: removing the maximum k - 1 times costs ~n^2 / 2 steps."""

LIMIT = 10**4


def generate(rng, size):
    n = max(size, 1)
    nums = [rng.randint(-LIMIT, LIMIT) for _ in range(n)]
    k = max(1, min(n, rng.randint(4 * n // 10, 6 * n // 10)))
    return {"args": [nums, k]}
