"""`size` distinct values in [-10^9, 10^9], sorted and rotated at a random point (sometimes not
at all, or by one), and `size` queries: half of them values of the array (the first and last
values and those around the rotation point included), half missing values (one off a present
value, or outside the range)."""

LIMIT = 10**9


def generate(rng, size):
    n = max(size, 1)
    values = sorted(rng.sample(range(-LIMIT + 1, LIMIT), n))
    r = rng.random()
    pivot = 0 if r < 0.15 else (1 if r < 0.25 else (n - 1 if r < 0.35 else rng.randrange(n)))
    nums = values[pivot:] + values[:pivot]
    present = set(values)
    targets = [nums[0], nums[-1], nums[pivot - 1], nums[pivot % n], values[0] - 1, values[-1] + 1]
    while len(targets) < n:
        x = rng.choice(values)
        if rng.random() < 0.5:
            targets.append(x)
        elif x + 1 not in present:
            targets.append(x + 1)
    rng.shuffle(targets)
    return {"args": [nums, targets]}
