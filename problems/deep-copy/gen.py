"""A random board (up to 8 x 8, cells holding 0-3 tokens) and `size` valid moves.

The generator simulates the moves so that "take" and "move" always start from a non-empty
cell; about 15% of the moves are "undo" (sometimes with nothing to undo) and 10% "snap".
The test code also checks that the caller's board is left unchanged.
"""
import copy

TOKENS = ["x", "o", "k", "q"]


def generate(rng, size):
    rows, cols = rng.randint(1, 8), rng.randint(1, 8)
    board = [[[rng.choice(TOKENS) for _ in range(rng.randint(0, 3))] for _ in range(cols)]
             for _ in range(rows)]
    state, history, moves = copy.deepcopy(board), [], []
    while len(moves) < size:
        full = [(r, c) for r in range(rows) for c in range(cols) if state[r][c]]
        x = rng.random()
        if x < 0.10:
            moves.append(["snap"])
            continue
        if x < 0.25:
            moves.append(["undo"])
            if history:
                state = history.pop()
            continue
        r, c = rng.randrange(rows), rng.randrange(cols)
        if x < 0.60 or not full:
            move = ["put", r, c, rng.choice(TOKENS)]
        elif x < 0.85:
            move = ["take", *rng.choice(full)]
        else:
            move = ["move", *rng.choice(full), r, c]
        history.append(copy.deepcopy(state))
        if move[0] == "put":
            state[r][c].append(move[3])
        elif move[0] == "take":
            state[move[1]][move[2]].pop()
        else:
            state[r][c].append(state[move[1]][move[2]].pop())
        moves.append(move)
    code = (f"board = {board!r}\n"
            f"moves = {moves!r}\n"
            "before = repr(board)\n"
            "snapshots = replay(board, moves)\n"
            "result = (snapshots, repr(board) == before)\n")
    return {"code": code}
