# Too much memory: readlines() keeps every line of a ~35 MB input as a separate string object.
import sys

lines = sys.stdin.readlines()
records = [line.split() for line in lines[1:] if line.strip()]
latencies = [int(r[4]) for r in records]
counts = {}
for r in records:
    counts[r[2]] = counts.get(r[2], 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
print("requests", len(records))
print("errors", sum(1 for r in records if int(r[3]) >= 500))
print("latency_total", sum(latencies))
print("latency_min", min(latencies))
print("latency_max", max(latencies))
print("top_path", top)
