# Reference: iterate over sys.stdin line by line, keeping only running totals and a small dict.
import sys


def main():
    sys.stdin.readline()  # the record count; the loop counts the records itself
    requests = errors = total = 0
    low = high = None
    hits = {}
    for line in sys.stdin:
        fields = line.split()
        if not fields:
            continue
        path, status, latency = fields[2], fields[3], int(fields[4])
        requests += 1
        if status >= "500":
            errors += 1
        total += latency
        if low is None or latency < low:
            low = latency
        if high is None or latency > high:
            high = latency
        hits[path] = hits.get(path, 0) + 1
    top = min(hits, key=lambda p: (-hits[p], p))
    print("requests", requests)
    print("errors", errors)
    print("latency_total", total)
    print("latency_min", low)
    print("latency_max", high)
    print("top_path", top)


main()
