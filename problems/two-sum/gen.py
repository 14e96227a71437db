"""Random Two Sum instances with exactly one valid pair.

The target is odd and every number except one is even, so a pair can only be that odd number
together with its complement; every other even number is kept different from the complement.
The pair is placed in the second half of the array.
"""

LIMIT = 10**9


def generate(rng, size):
    n = max(size, 2)
    while True:
        target = rng.randrange(-LIMIT + 1, LIMIT, 2)  # odd
        b = rng.randrange(-LIMIT, LIMIT + 1, 2)  # even
        a = target - b  # odd
        if -LIMIT <= a <= LIMIT:
            break
    nums = []
    while len(nums) < n - 2:
        x = rng.randrange(-LIMIT, LIMIT + 1, 2)
        if x != b:
            nums.append(x)
    i = rng.randrange(min(n // 2, n - 2), n - 1)
    j = rng.randrange(i + 1, n)
    first, second = (a, b) if rng.random() < 0.5 else (b, a)
    nums.insert(i, first)
    nums.insert(j, second)
    return {"args": [nums, target]}
