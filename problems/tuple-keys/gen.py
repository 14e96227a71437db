"""A walk of `size` moves.

The first half always moves right (dx >= 1), so no cell repeats there; the second half mixes
unit steps, medium and long jumps, and moves that undo the previous one (a guaranteed repeat).
Most cells are distinct, so a list of visited cells grows to ~size entries.
"""


def generate(rng, size):
    moves = []
    for _ in range(size // 2):
        moves.append([rng.randint(1, 1000), rng.randint(-1000, 1000)])
    while len(moves) < size:
        r = rng.random()
        if r < 0.1 and moves:
            dx, dy = moves[-1]
            moves.append([-dx, -dy])
        elif r < 0.6:
            moves.append(rng.choice([[1, 0], [-1, 0], [0, 1], [0, -1]]))
        elif r < 0.95:
            moves.append([rng.randint(-1000, 1000), rng.randint(-1000, 1000)])
        else:
            moves.append([rng.randint(-10**6, 10**6), rng.randint(-10**6, 10**6)])
    return {"args": [moves]}
