# Wrong: copy.copy() / list.copy() copy only the outer list; rows and cells stay shared with the original.
import copy


def replay(board, moves):
    state = copy.copy(board)
    history, snapshots = [], []
    for op, *args in moves:
        if op == "snap":
            snapshots.append(state.copy())
        elif op == "undo":
            if history:
                state = history.pop()
        else:
            history.append(copy.copy(state))
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
