"""Load test of `pyjudge serve` on loopback: S concurrent sessions x A attempts each.

    /usr/bin/python3 bench/serve_load.py [--pyjudge build/pyjudge] [--sessions 50] [--attempts 10]
                                         [-j 2] [--problem two-sum] [--submit-every 5] [--timeout 900]

Starts its own server on 127.0.0.1 (port 0, a temporary --data), then each session (one thread,
one SSE stream) posts its attempts one after another, each as soon as the previous one's end
event arrived: Runs, and a Submit every --submit-every attempts. It reports the time from each
POST to its end event (p50/p95/p99), the throughput, and checks that every attempt and every
event arrived exactly once: per session the stream's ids are 1..N with no gap or repeat, equal
to the stored log (NDJSON), each attempt has one start and one end, and its test events are its
end event's tests. Exits 1 if any check fails or the whole run exceeds --timeout.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "serve"))
from harness import CORRECT, SSE, WRONG, Server, ends  # noqa: E402



def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def session_worker(srv, args, index, out, errors, stop_at):
    s = srv.create_session(args.problem, 60)
    token = s["candidate_token"]
    sse = SSE(srv.port, f"/api/sessions/{s['id']}/events?token={token}")
    latencies = []
    for n in range(1, args.attempts + 1):
        kind = "submit" if n % args.submit_every == 0 else "run"
        source = CORRECT if n % 2 == 0 else WRONG
        t0 = time.monotonic()
        while True:
            status, headers, body = srv.attempt(s, token, kind, source)
            if status != 503:
                break
            time.sleep(float(headers.get("retry-after", "1")))  # back-pressure, as a client should
        if status != 202:
            errors.append(f"session {index} attempt {n}: HTTP {status} {body}")
            break
        if not sse.wait_for(ends(n), timeout=max(1, stop_at - time.time())):
            errors.append(f"session {index} attempt {n}: no end event before the timeout")
            break
        latencies.append(time.monotonic() - t0)
    sse.wait_for(lambda evs: False, timeout=0.3)  # anything late or duplicated would show now
    stored = srv.events(s, token)
    out[index] = (latencies, sse.events, stored)
    sse.close()


def check_exactly_once(index, streamed, stored, attempts, errors):
    ids = [e["id"] for e in streamed]
    if ids != list(range(1, len(ids) + 1)):
        errors.append(f"session {index}: stream ids not 1..N without gaps or repeats")
    if [(e["id"], e["event"], e["data"]) for e in streamed] != [(e["id"], e["event"], e["data"]) for e in stored]:
        errors.append(f"session {index}: the stream differs from the stored log")
    starts = [e["data"]["attempt"] for e in streamed if e["event"] == "start"]
    if starts != list(range(1, attempts + 1)):
        errors.append(f"session {index}: start events {starts}")
    current = []
    for e in streamed:
        if e["event"] == "start":
            current = []
        elif e["event"] == "test":
            current.append(e["data"])
        elif e["event"] == "end" and e["data"]["tests"] != current:
            errors.append(f"session {index}: an end event's tests differ from its test events")
    return sum(1 for e in streamed if e["event"] == "test")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyjudge", default=os.path.join(HERE, "..", "build", "pyjudge"))
    ap.add_argument("--problems", default=os.path.join(HERE, "..", "problems"))
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--attempts", type=int, default=10)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--problem", default="two-sum")
    ap.add_argument("--submit-every", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    if args.sessions > 200 or args.attempts > 50:
        sys.exit("bounded: at most 200 sessions and 50 attempts each")

    data = tempfile.mkdtemp(prefix="pyjudge-serve-load-")
    srv = Server(args.pyjudge, args.problems, data, "--queue", str(max(64, args.sessions)), jobs=args.j)
    try:
        print(f"load average at start: {os.getloadavg()[0]:.2f}", file=sys.stderr)
        # Each worker prepares the problem on its first attempt; warm them so the figures are the
        # steady state (the warm-up is reported separately).
        warm = srv.create_session(args.problem, 60)
        t0 = time.monotonic()
        sse = SSE(srv.port, f"/api/sessions/{warm['id']}/events?token={warm['candidate_token']}")
        for n in range(1, args.j + 1):
            srv.attempt(warm, warm["candidate_token"], "submit", CORRECT)
            sse.wait_for(ends(n), timeout=300)
        print(f"warm-up ({args.j} submits, preparing the problem per worker): {time.monotonic() - t0:.1f} s", file=sys.stderr)
        sse.close()

        out, errors = {}, []
        stop_at = time.time() + args.timeout
        start = time.monotonic()
        threads = [threading.Thread(target=session_worker, args=(srv, args, i, out, errors, stop_at)) for i in range(args.sessions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(max(1, stop_at - time.time()))
        elapsed = time.monotonic() - start
        if any(t.is_alive() for t in threads):
            errors.append("the run did not finish within --timeout")

        latencies, tests = [], 0
        for i, (lat, streamed, stored) in sorted(out.items()):
            latencies += lat
            tests += check_exactly_once(i, streamed, stored, len(lat), errors)
        _, _, metrics = srv.request("GET", "/metrics")
        expected = args.sessions * args.attempts
        if len(latencies) != expected:
            errors.append(f"{len(latencies)} of {expected} attempts finished")
        print(f"pyjudge serve -j {args.j}, {args.sessions} sessions x {args.attempts} attempts of {args.problem} "
              f"(a submit every {args.submit_every}), loopback")
        print(f"  attempts: {len(latencies)} in {elapsed:.1f} s = {len(latencies) / elapsed:.2f} attempts/s, "
              f"{tests} tests = {tests / elapsed:.1f} tests/s")
        if latencies:
            print(f"  POST -> end event: p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
                  f"p99 {percentile(latencies, 99):.2f} s, max {max(latencies):.2f} s, mean {statistics.mean(latencies):.2f} s")
        print("  exactly once: " + ("every attempt and every event, in order (stream == stored log)" if not errors else "FAILED"))
        for line in metrics.splitlines():
            if line.startswith(("pyjudge_attempts_total", "pyjudge_judge_latency_seconds_count")):
                print("  metrics: " + line)
        print(f"load average at end: {os.getloadavg()[0]:.2f}", file=sys.stderr)
        for e in errors[:20]:
            print("  error: " + e)
        return 1 if errors else 0
    finally:
        srv.stop()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
