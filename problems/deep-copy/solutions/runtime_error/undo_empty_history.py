# Crashes: "undo" pops the history without checking it is empty -> IndexError when nothing is to undo.
import copy


def replay(board, moves):
    state = copy.deepcopy(board)
    history, snapshots = [], []
    for op, *args in moves:
        if op == "snap":
            snapshots.append(copy.deepcopy(state))
        elif op == "undo":
            state = history.pop()
        else:
            history.append(copy.deepcopy(state))
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
