# Streams the binary buffer line by line (bytes, no decoding); a Counter tallies the paths.
import sys
from collections import Counter


def main():
    stream = sys.stdin.buffer
    stream.readline()  # the record count
    requests = errors = total = 0
    low = high = None
    hits = Counter()
    for line in stream:
        fields = line.split()
        if not fields:
            continue
        latency = int(fields[4])
        requests += 1
        if fields[3][0] == ord("5"):
            errors += 1
        total += latency
        if low is None or latency < low:
            low = latency
        if high is None or latency > high:
            high = latency
        hits[fields[2]] += 1
    best = max(hits.values())
    top = min(p for p, c in hits.items() if c == best)
    sys.stdout.write(f"requests {requests}\nerrors {errors}\nlatency_total {total}\n"
                     f"latency_min {low}\nlatency_max {high}\ntop_path {top.decode()}\n")


main()
