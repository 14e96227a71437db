# Undo by replaying inverse operations from a log; deep copies only for the input and the snapshots.
from copy import deepcopy


def replay(board, moves):
    state = deepcopy(board)
    undo_log, snapshots = [], []

    def push(r, c, token):
        state[r][c].append(token)

    def pop(r, c):
        return state[r][c].pop()

    for move in moves:
        op = move[0]
        if op == "put":
            _, r, c, token = move
            push(r, c, token)
            undo_log.append(lambda r=r, c=c: pop(r, c))
        elif op == "take":
            _, r, c = move
            token = pop(r, c)
            undo_log.append(lambda r=r, c=c, token=token: push(r, c, token))
        elif op == "move":
            _, r1, c1, r2, c2 = move
            push(r2, c2, pop(r1, c1))
            undo_log.append(lambda r1=r1, c1=c1, r2=r2, c2=c2: push(r1, c1, pop(r2, c2)))
        elif op == "undo":
            if undo_log:
                undo_log.pop()()
        elif op == "snap":
            snapshots.append(deepcopy(state))
    return snapshots
