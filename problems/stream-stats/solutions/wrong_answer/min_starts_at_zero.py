# Wrong: starts the running minimum at 0, so latency_min stays 0 unless a request took 0 ms.
import sys

sys.stdin.readline()
requests = errors = total = low = high = 0
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
best = max(hits.values())
print("requests", requests)
print("errors", errors)
print("latency_total", total)
print("latency_min", low)
print("latency_max", high)
print("top_path", min(p for p in hits if hits[p] == best))
