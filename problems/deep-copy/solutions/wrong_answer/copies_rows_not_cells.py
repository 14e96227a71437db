# Wrong: [row[:] for row in board] copies two levels, but each cell is a list too and stays shared.
def copy_board(board):
    return [row[:] for row in board]


def replay(board, moves):
    state = copy_board(board)
    history, snapshots = [], []
    for op, *args in moves:
        if op == "snap":
            snapshots.append(copy_board(state))
        elif op == "undo":
            if history:
                state = history.pop()
        else:
            history.append(copy_board(state))
            if op == "put":
                r, c, token = args
                state[r][c].append(token)
            elif op == "take":
                r, c = args
                state[r][c].pop()
            elif op == "move":
                r1, c1, r2, c2 = args
                state[r2][c2].append(state[r1][c1].pop())
    return snapshots
