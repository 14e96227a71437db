#!/usr/bin/python3
"""Helper for bench/run.sh (standard library only).

    bench.py gen DIR              write the problems, the solutions and the naive-baseline scripts
    bench.py check PYJUDGE DIR    judge each problem once with --json, insist on AC, keep the
                                  per-test CPU times in DIR/cpu-*.json
    bench.py report DIR           read DIR/*.hyperfine.json and DIR/cpu-*.json, print the table
    bench.py cpu DIR ROUNDS PYJUDGE...
                                  the same CPU-bound loop under each PYJUDGE (its test's time_ms)
                                  and under /usr/bin/python3 (time.process_time around the call),
                                  interleaved ROUNDS times; prints the medians and the ratios
"""

import json
import os
import random
import statistics
import subprocess
import sys

FUNCTION_TESTS = 1000
STDIO_TESTS = 200
SUBMISSION_TESTS = 20

# (problem id, mode, number of tests); the folder name must equal the id.
PROBLEMS = [
    ("bench-function", "function", FUNCTION_TESTS),
    ("bench-primes", "function", 100),
    ("bench-stdio", "stdio", STDIO_TESTS),
    ("bench-submission", "function", SUBMISSION_TESTS),
    ("bench-startup", "function", 1),
]

FUNCTION_SOLUTION = "def add(a, b):\n    return a + b\n"
STDIO_SOLUTION = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"


# A LeetCode-style solution with a module-level precomputation (a sieve to 10^6), answering
# 100 range queries: LeetCode runs the module once, and so should the judge.
PRIMES_SOLUTION = """\
N = 10**6
sieve = bytearray([1]) * (N + 1)
sieve[0] = sieve[1] = 0
for i in range(2, int(N ** 0.5) + 1):
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, N + 1, i)))
prefix = [0] * (N + 1)
count = 0
for i in range(N + 1):
    count += sieve[i]
    prefix[i] = count

class Solution:
    def countPrimes(self, lo: int, hi: int) -> int:
        return prefix[hi] - (prefix[lo - 1] if lo > 0 else 0)
"""

# The same pure-Python loop for `pyjudge run` and for python3.
CPU_SOLUTION = """\
def spin(n):
    s = 0
    d = {}
    for i in range(n):
        s += i * i % 7
        if i % 4 == 0:
            d[i % 1000] = [i, s]
    return s
"""
CPU_N = 2_000_000


def primes_cases(n, rng):
    limit = 10**6
    out = []
    for _ in range(n):
        a, b = sorted((rng.randint(0, limit), rng.randint(0, limit)))
        out.append((a, b))
    return out


def count_primes(cases):
    n = 10**6
    sieve = bytearray([1]) * (n + 1)
    sieve[0] = sieve[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytes(len(range(i * i, n + 1, i)))
    prefix, c = [0] * (n + 1), 0
    for i in range(n + 1):
        c += sieve[i]
        prefix[i] = c
    return [prefix[b] - (prefix[a - 1] if a > 0 else 0) for a, b in cases]


def function_cases(n, rng):
    return [(rng.randint(-10**6, 10**6), rng.randint(-10**6, 10**6)) for _ in range(n)]


def stdio_cases(n, rng):
    return [[rng.randint(-1000, 1000) for _ in range(rng.randint(1, 10))] for _ in range(n)]


def yaml_str(s):
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(s)


def write_problem(root, pid, mode, tests, entry="add", limits="{time: 1s, memory: 64MiB}"):
    d = os.path.join(root, "problems", pid)
    os.makedirs(d)
    lines = [
        f"id: {pid}",
        f"title: Benchmark {pid}",
        f"mode: {mode}",
    ]
    if mode == "function":
        lines += [f"entry: {entry}", "prelude: none"]
    lines += [f"limits: {limits}", "tests:"]
    lines += ["  - " + t for t in tests]
    with open(os.path.join(d, "problem.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def gen(root):
    rng = random.Random(20240601)
    with open(os.path.join(root, "add.py"), "w") as f:
        f.write(FUNCTION_SOLUTION)
    with open(os.path.join(root, "sum.py"), "w") as f:
        f.write(STDIO_SOLUTION)

    with open(os.path.join(root, "primes.py"), "w") as f:
        f.write(PRIMES_SOLUTION)
    with open(os.path.join(root, "spin.py"), "w") as f:
        f.write(CPU_SOLUTION)
    write_cpu_problem(root)

    for pid, mode, n in PROBLEMS:
        if pid == "bench-primes":
            cases = primes_cases(n, rng)
            tests = [f"{{name: t{i}, args: [{a}, {b}], expected: {e}}}"
                     for i, ((a, b), e) in enumerate(zip(cases, count_primes(cases)), 1)]
            write_problem(root, pid, mode, tests, entry="Solution.countPrimes",
                          limits="{time: 3s, memory: 256MiB, wall: 10s}")
            write_plain_primes(root, cases, count_primes(cases))
            continue
        if mode == "function":
            cases = function_cases(n, rng)
            tests = [f"{{name: t{i}, args: [{a}, {b}], expected: {a + b}}}"
                     for i, (a, b) in enumerate(cases, 1)]
        else:
            cases = stdio_cases(n, rng)
            tests = [f"{{name: t{i}, input: {yaml_str(' '.join(map(str, c)) + chr(10))}, "
                     f"output: {yaml_str(str(sum(c)) + chr(10))}}}"
                     for i, c in enumerate(cases, 1)]
        write_problem(root, pid, mode, tests)
        if pid == "bench-function":
            write_naive_function(root, cases)
        elif pid == "bench-stdio":
            write_naive_stdio(root, cases)


def write_cpu_problem(root):
    expected = 0
    for i in range(CPU_N):
        expected += i * i % 7
    write_problem(root, "bench-cpu", "function", [f"{{name: spin, args: [{CPU_N}], expected: {expected}}}"],
                  entry="spin", limits="{time: 20s, memory: 64MiB, wall: 60s}")
    with open(os.path.join(root, "spin-python.py"), "w") as f:
        f.write(f"import sys, time\nsys.path.insert(0, {root!r})\nfrom spin import spin\n"
                f"t = time.process_time()\nspin({CPU_N})\nprint(time.process_time() - t)\n")


def write_plain_primes(root, cases, expected):
    # Plain python3: import the solution once (its sieve runs once), then every assert.
    with open(os.path.join(root, "primes-python.py"), "w") as f:
        f.write(f"import sys\nsys.path.insert(0, {root!r})\nfrom primes import Solution\n"
                f"cases = {cases!r}\nexpected = {expected!r}\n"
                "for (a, b), e in zip(cases, expected):\n"
                "    assert Solution().countPrimes(a, b) == e\n")


def cpu_compare(root, rounds, judges):
    prob = os.path.join(root, "problems", "bench-cpu")
    sol = os.path.join(root, "spin.py")
    times = {"python3": []}
    for j in judges:
        times[j] = []
    for _ in range(rounds):
        p = subprocess.run(["/usr/bin/python3", os.path.join(root, "spin-python.py")],
                           capture_output=True, text=True, check=True)
        times["python3"].append(float(p.stdout) * 1e3)
        for j in judges:
            p = subprocess.run([j, "run", prob, sol, "--json"], capture_output=True, text=True)
            rep = json.loads(p.stdout)
            if rep["verdict"] != "AC":
                raise SystemExit(f"bench: {j} on bench-cpu: {rep['verdict']} {rep.get('internal_error', '')}"
                                 " (a stale bench/pyjudge-box-shared-libpython? cmake --build build"
                                 " --target pyjudge-box-shared-libpython)")
            times[j].append(rep["tests"][0]["time_ms"])
    base = statistics.median(times["python3"])
    print(f"\nthe same CPU-bound loop, median CPU of {rounds} interleaved rounds:")
    for name, t in times.items():
        med = statistics.median(t)
        print(f"  {name:<60} {med:8.1f} ms   {med / base:.3f}x python3   "
              f"(min {min(t):.1f}, max {max(t):.1f})")
    return 0


def write_naive_function(root, cases):
    # One tiny driver per test: import the candidate's file, call, compare, exit status.
    d = os.path.join(root, "naive-function")
    os.makedirs(d)
    for i, (a, b) in enumerate(cases, 1):
        with open(os.path.join(d, f"t{i}.py"), "w") as f:
            f.write(f"import sys\nsys.path.insert(0, {root!r})\nfrom add import add\n"
                    f"sys.exit(0 if add({a}, {b}) == {a + b} else 1)\n")
    script = os.path.join(root, "naive-function.sh")
    with open(script, "w") as f:
        f.write(f"""#!/bin/bash
cd {d}
for i in $(seq 1 {len(cases)}); do
  /usr/bin/python3 t$i.py || exit 1
done
""")
    os.chmod(script, 0o755)


def write_naive_stdio(root, cases):
    d = os.path.join(root, "naive-stdio")
    os.makedirs(d)
    for i, c in enumerate(cases, 1):
        with open(os.path.join(d, f"in{i}"), "w") as f:
            f.write(" ".join(map(str, c)) + "\n")
        with open(os.path.join(d, f"expected{i}"), "w") as f:
            f.write(f"{sum(c)}\n")
    script = os.path.join(root, "naive-stdio.sh")
    with open(script, "w") as f:
        f.write(f"""#!/bin/bash
cd {d}
for i in $(seq 1 {len(cases)}); do
  /usr/bin/python3 {root}/sum.py < in$i > out$i && cmp -s out$i expected$i || exit 1
done
""")
    os.chmod(script, 0o755)


def check(pyjudge, root):
    ok = True
    for pid, mode, n in PROBLEMS:
        sol = os.path.join(root, "primes.py" if pid == "bench-primes" else "add.py" if mode == "function" else "sum.py")
        prob = os.path.join(root, "problems", pid)
        p = subprocess.run([pyjudge, "run", prob, sol, "--json"], capture_output=True, text=True)
        try:
            rep = json.loads(p.stdout)
        except ValueError:
            print(f"bench: {pid}: pyjudge exited {p.returncode} without JSON:\n{p.stdout}{p.stderr}",
                  file=sys.stderr)
            ok = False
            continue
        bad = [t for t in rep.get("tests", []) if t.get("verdict") != "AC"]
        if (rep.get("verdict") != "AC" or rep.get("passed") != n or rep.get("total") != n
                or len(rep.get("tests", [])) != n or bad or p.returncode != 0):
            print(f"bench: {pid}: expected AC on {n}/{n} tests, got verdict={rep.get('verdict')} "
                  f"passed={rep.get('passed')}/{rep.get('total')} exit={p.returncode}"
                  + (f"; first failure: {bad[0]}" if bad else ""), file=sys.stderr)
            ok = False
            continue
        with open(os.path.join(root, f"cpu-{pid}.json"), "w") as f:
            json.dump({"time_ms": [t["time_ms"] for t in rep["tests"]],
                       "wall_ms": [t["wall_ms"] for t in rep["tests"]]}, f)
    return 0 if ok else 1


def hf(root, name):
    """(mean, stddev, median) in seconds of one hyperfine export."""
    with open(os.path.join(root, f"{name}.hyperfine.json")) as f:
        r = json.load(f)["results"][0]
    if any(code != 0 for code in r.get("exit_codes", [])):
        raise SystemExit(f"bench: {name}: a timed run exited non-zero")
    return r["mean"], r["stddev"] or 0.0, r["median"]


def cpu(root, pid):
    with open(os.path.join(root, f"cpu-{pid}.json")) as f:
        return json.load(f)


def ms(seconds):
    return seconds * 1e3


def fmt_ms(x):
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms" if x < 100 else f"{x:.0f} ms"


def report(root):
    _, _, fn_total = hf(root, "pyjudge-function")
    _, _, st_total = hf(root, "pyjudge-stdio")
    _, _, fnp_total = hf(root, "pyjudge-function-process")
    _, _, stp_total = hf(root, "pyjudge-stdio-process")
    _, _, startup = hf(root, "pyjudge-startup")
    sub_mean, sub_sd, sub_median = hf(root, "pyjudge-submission")
    _, _, nfn_total = hf(root, "naive-function")
    _, _, nst_total = hf(root, "naive-stdio")
    _, _, primes_judge = hf(root, "pyjudge-primes")
    _, _, primes_plain = hf(root, "python3-primes")

    fn_per = ms(fn_total) / FUNCTION_TESTS
    st_per = ms(st_total) / STDIO_TESTS
    fnp_per = ms(fnp_total) / FUNCTION_TESTS
    stp_per = ms(stp_total) / STDIO_TESTS
    nfn_per = ms(nfn_total) / FUNCTION_TESTS
    nst_per = ms(nst_total) / STDIO_TESTS
    fn_cpu = statistics.mean(cpu(root, "bench-function")["time_ms"])
    fn_wall = statistics.mean(cpu(root, "bench-function")["wall_ms"])
    st_cpu = statistics.mean(cpu(root, "bench-stdio")["time_ms"])
    # Marginal cost of one more test, without the fixed start-up spread over it.
    fn_marginal = (ms(fn_total) - ms(startup)) / (FUNCTION_TESTS - 1)
    st_marginal = (ms(st_total) - ms(startup)) / (STDIO_TESTS - 1)

    rows = [
        ("", "shared (default)", "process", "naive baseline", "speed-up shared / process"),
        (f"function, {FUNCTION_TESTS} tests, per test", fmt_ms(fn_per), fmt_ms(fnp_per), fmt_ms(nfn_per),
         f"{nfn_per / fn_per:.1f}x / {nfn_per / fnp_per:.1f}x"),
        (f"stdio,    {STDIO_TESTS} tests,  per test", fmt_ms(st_per), fmt_ms(stp_per), fmt_ms(nst_per),
         f"{nst_per / st_per:.1f}x / {nst_per / stp_per:.1f}x"),
        (f"{SUBMISSION_TESTS}-test submission, start→exit",
         f"{ms(sub_mean):.1f} ms ± {ms(sub_sd):.1f}", f"(median {ms(sub_median):.1f} ms)", "", ""),
        ("100 tests + module-level sieve, start→exit", fmt_ms(ms(primes_judge)), "",
         f"python3 {fmt_ms(ms(primes_plain))}", f"{primes_judge / primes_plain:.2f}x python3"),
    ]
    w = [max(len(r[i]) for r in rows) for i in range(5)]
    print()
    for r in rows:
        print(f"{r[0]:<{w[0]}}   {r[1]:<{w[1]}}   {r[2]:<{w[2]}}   {r[3]:<{w[3]}}   {r[4]}".rstrip())
    print()
    details = [
        ("judge overhead per function test",
         f"{fmt_ms(fn_marginal - fn_cpu)}  (marginal cost per test {fmt_ms(fn_marginal)} - child CPU "
         f"time_ms {fmt_ms(fn_cpu)})"),
        ("judge overhead per stdio test",
         f"{fmt_ms(st_marginal - st_cpu)}  (marginal {fmt_ms(st_marginal)} - child CPU {fmt_ms(st_cpu)})"),
        ("fixed start-up (1-test problem)", fmt_ms(ms(startup))),
        ("child CPU / wall per test, function", f"{fmt_ms(fn_cpu)} / {fmt_ms(fn_wall)}  (mean "
         f"time_ms / wall_ms in --json)"),
        ("totals (median)", f"shared {fmt_ms(ms(fn_total))} / {fmt_ms(ms(st_total))}, process "
         f"{fmt_ms(ms(fnp_total))} / {fmt_ms(ms(stp_total))}, naive "
         f"{ms(nfn_total) / 1e3:.1f} s / {ms(nst_total) / 1e3:.1f} s (function / stdio)"),
    ]
    w0 = max(len(d[0]) for d in details)
    for k, v in details:
        print(f"{k:<{w0}}   {v}")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "gen":
        gen(argv[2])
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    if len(argv) >= 5 and argv[1] == "cpu":
        return cpu_compare(argv[2], int(argv[3]), argv[4:])
    if len(argv) == 3 and argv[1] == "report":
        return report(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
