"""Random sequences of `size` integers.

Half of the tests draw values from a small range (many duplicates, so strictness matters);
the other half is a noisy upward trend over the full value range (a long answer, ~ sqrt(n)
or more), with runs of repeated values mixed in.
"""

LIMIT = 10**9


def generate(rng, size):
    if rng.random() < 0.5:
        hi = max(size // 20, 2)
        nums = [rng.randint(-hi, hi) for _ in range(size)]
    else:
        nums = []
        step = 2 * LIMIT // max(size, 1)
        while len(nums) < size:
            base = -LIMIT + step * len(nums)
            x = max(-LIMIT, min(LIMIT, base + rng.randint(-50 * step, 50 * step)))
            nums.extend([x] * min(rng.choice([1, 1, 1, 2, 5]), size - len(nums)))
    return {"args": [nums]}
