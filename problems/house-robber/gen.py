"""`size` houses with random amounts in [0, 10^4]. In a third of the tests only ~40% of the
houses (at random positions) hold big amounts and the rest at most 50, so the best choice
often skips two or more houses in a row instead of taking every other one."""


def generate(rng, size):
    if rng.random() < 1 / 3:
        nums = [rng.randint(0, 10**4) if rng.random() < 0.4 else rng.randint(0, 50) for _ in range(size)]
    else:
        nums = [rng.randint(0, 10**4) for _ in range(size)]
    return {"args": [nums]}
