"""A `size` x `size` grid of snake-shaped islands: every even row is land, and each odd row has
a single land cell joining the rows above and below, alternately at the right and the left end,
which makes one path of about size^2 / 2 cells. Two random joints are flooded, cutting the snake
into three islands, each still thousands of cells long."""


def generate(rng, size):
    grid = []
    for r in range(size):
        if r % 2 == 0:
            grid.append(["1"] * size)
        else:
            row = ["0"] * size
            row[size - 1 if r // 2 % 2 == 0 else 0] = "1"
            grid.append(row)
    odd_rows = range(1, size - 1, 2)
    for r in rng.sample(odd_rows, min(2, len(odd_rows))):
        grid[r] = ["0"] * size
    return {"args": [grid]}
