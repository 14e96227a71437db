#!/usr/bin/python3
"""Helper for bench/run.sh (standard library only).

    bench.py gen DIR              write the problems, the solutions and the naive-baseline scripts
    bench.py check PYJUDGE DIR    judge each problem once with --json, insist on AC, keep the
                                  per-test CPU times in DIR/cpu-*.json
    bench.py report DIR           read DIR/*.hyperfine.json and DIR/cpu-*.json, print the table
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
    ("bench-stdio", "stdio", STDIO_TESTS),
    ("bench-submission", "function", SUBMISSION_TESTS),
    ("bench-startup", "function", 1),
]

FUNCTION_SOLUTION = "def add(a, b):\n    return a + b\n"
STDIO_SOLUTION = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"


def function_cases(n, rng):
    return [(rng.randint(-10**6, 10**6), rng.randint(-10**6, 10**6)) for _ in range(n)]


def stdio_cases(n, rng):
    return [[rng.randint(-1000, 1000) for _ in range(rng.randint(1, 10))] for _ in range(n)]


def yaml_str(s):
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(s)


def write_problem(root, pid, mode, tests):
    d = os.path.join(root, "problems", pid)
    os.makedirs(d)
    lines = [
        f"id: {pid}",
        f"title: Benchmark {pid}",
        f"mode: {mode}",
    ]
    if mode == "function":
        lines += ["entry: add", "prelude: none"]
    lines += ["limits: {time: 1s, memory: 64MiB}", "tests:"]
    lines += ["  - " + t for t in tests]
    with open(os.path.join(d, "problem.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def gen(root):
    rng = random.Random(20240601)
    with open(os.path.join(root, "add.py"), "w") as f:
        f.write(FUNCTION_SOLUTION)
    with open(os.path.join(root, "sum.py"), "w") as f:
        f.write(STDIO_SOLUTION)

    for pid, mode, n in PROBLEMS:
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
        sol = os.path.join(root, "add.py" if mode == "function" else "sum.py")
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
    _, _, startup = hf(root, "pyjudge-startup")
    sub_mean, sub_sd, sub_median = hf(root, "pyjudge-submission")
    _, _, nfn_total = hf(root, "naive-function")
    _, _, nst_total = hf(root, "naive-stdio")

    fn_per = ms(fn_total) / FUNCTION_TESTS
    st_per = ms(st_total) / STDIO_TESTS
    nfn_per = ms(nfn_total) / FUNCTION_TESTS
    nst_per = ms(nst_total) / STDIO_TESTS
    fn_cpu = statistics.mean(cpu(root, "bench-function")["time_ms"])
    fn_wall = statistics.mean(cpu(root, "bench-function")["wall_ms"])
    st_cpu = statistics.mean(cpu(root, "bench-stdio")["time_ms"])
    # Marginal cost of one more test, without the fixed start-up spread over it.
    fn_marginal = (ms(fn_total) - ms(startup)) / (FUNCTION_TESTS - 1)

    rows = [
        ("", "pyjudge", "naive baseline", "speed-up"),
        (f"function, {FUNCTION_TESTS} tests, per test", fmt_ms(fn_per), fmt_ms(nfn_per),
         f"{nfn_per / fn_per:.1f}x"),
        (f"stdio,    {STDIO_TESTS} tests,  per test", fmt_ms(st_per), fmt_ms(nst_per),
         f"{nst_per / st_per:.1f}x"),
        (f"{SUBMISSION_TESTS}-test submission, start→exit",
         f"{ms(sub_mean):.1f} ms ± {ms(sub_sd):.1f}", f"(median {ms(sub_median):.1f} ms)", ""),
    ]
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    print()
    for r in rows:
        print(f"{r[0]:<{w[0]}}   {r[1]:<{w[1]}}   {r[2]:<{w[2]}}   {r[3]}".rstrip())
    print()
    details = [
        ("judge overhead per function test",
         f"{fmt_ms(fn_per - fn_cpu)}  (time per test {fmt_ms(fn_per)} - child CPU time_ms "
         f"{fmt_ms(fn_cpu)})"),
        ("fixed start-up (1-test problem)", fmt_ms(ms(startup))),
        ("marginal cost per function test", f"{fmt_ms(fn_marginal)}  ((total - start-up) / "
         f"{FUNCTION_TESTS - 1})"),
        ("child CPU / wall per test, function", f"{fmt_ms(fn_cpu)} / {fmt_ms(fn_wall)}  (mean "
         f"time_ms / wall_ms in --json)"),
        ("child CPU per test, stdio", fmt_ms(st_cpu)),
        ("totals (median)", f"pyjudge {fmt_ms(ms(fn_total))} / {fmt_ms(ms(st_total))}, naive "
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
    if len(argv) == 3 and argv[1] == "report":
        return report(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
