"""A random `size` x `size` grid: each cell is land with a probability drawn from [0.4, 0.7]
(around the percolation threshold: many small islands and a few huge, winding ones)."""


def generate(rng, size):
    p = rng.uniform(0.4, 0.7)
    grid = [["1" if rng.random() < p else "0" for _ in range(size)] for _ in range(size)]
    return {"args": [grid]}
