n, *xs = map(int, open(0).read().split())
print("mean", sum(xs) / (n - len(xs) or 0))
