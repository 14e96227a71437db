# Too much memory: sys.stdin.read() loads the whole input as one string before splitting it.
import sys

data = sys.stdin.read().split()
n = int(data[0])
errors = total = 0
low, high = float("inf"), float("-inf")
hits = {}
for i in range(n):
    path, status, latency = data[1 + 5 * i + 2], data[1 + 5 * i + 3], int(data[1 + 5 * i + 4])
    errors += int(status) >= 500
    total += latency
    low, high = min(low, latency), max(high, latency)
    hits[path] = hits.get(path, 0) + 1
best = max(hits.values())
print("requests", n)
print("errors", errors)
print("latency_total", total)
print("latency_min", low)
print("latency_max", high)
print("top_path", min(p for p in hits if hits[p] == best))
