# Wrong: max(hits, key=hits.get) breaks ties by first appearance, not by the smallest path.
import sys

sys.stdin.readline()
requests = errors = total = 0
low, high = float("inf"), float("-inf")
hits = {}
for line in sys.stdin:
    fields = line.split()
    if not fields:
        continue
    latency = int(fields[4])
    requests += 1
    errors += int(fields[3]) >= 500
    total += latency
    low = min(low, latency)
    high = max(high, latency)
    hits[fields[2]] = hits.get(fields[2], 0) + 1
print("requests", requests)
print("errors", errors)
print("latency_total", total)
print("latency_min", low)
print("latency_max", high)
print("top_path", max(hits, key=hits.get))
