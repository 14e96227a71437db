def solve(x, acc=[]):
    acc.append(x)
    return acc
