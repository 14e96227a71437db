n, *xs = map(int, open(0).read().split())
print("mean", f"{sum(xs) / n:.1f}")
