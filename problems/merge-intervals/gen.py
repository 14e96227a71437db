"""`size` random intervals: mostly short ones spread over [0, 10 * size], 10% longer ones
(that often contain others), in random order with a few exact duplicates."""


def generate(rng, size):
    span = 10 * max(size, 1)
    intervals = []
    for _ in range(size):
        start = rng.randrange(span)
        length = rng.randrange(10, 60) if rng.random() < 0.1 else rng.randrange(10)
        intervals.append([start, start + length])
    for _ in range(size // 50):
        intervals.append(list(rng.choice(intervals)))
    rng.shuffle(intervals)
    return {"args": [intervals]}
