#!/usr/bin/python3
"""The complexity report's acceptance test, on the problem library's hand-written labels.

    labels_test.py PYJUDGE PROBLEMS_DIR OUT_DIR PROBLEM [--budget S]   one problem's labels
    labels_test.py --summary OUT_DIR [--rate R]                        the library-wide rate

For each solution labelled under `complexity: time:` (and `memory:`) in problem.yaml, runs
`pyjudge run PROBLEM SOLUTION --samples --complexity --json` and checks the comparison against
the reference's own label:
  - a solution labelled no worse than the reference (the same power of n, or a lower one; a log
    factor is below what the report resolves) is never reported "faster";
  - a solution labelled a higher power of n is reported "faster" with a confidence, or "inconclusive", never
    "same" or "slower".
A label is a class, whatever the solution's folder: an accepted solution labelled a higher power
of n than the reference is checked, and counted, like the time-limit ones.
Each problem writes its outcomes to OUT_DIR/<problem>.json; --summary requires that at least R
(default 0.9, the issue's target) of the worse-labelled solutions were reported "faster" with a
confidence, the rest inconclusive.
"""
import json
import os
import subprocess
import sys

import yaml

# Polynomial degree of each class: a log factor is below what the report claims to resolve
# (n log n against n is "no worse" here), a power of n is not.
DEGREE = {"1": 0, "log n": 0, "n": 1, "n log n": 1, "n^2": 2, "n^3": 3, "2^n": 99}
ALIASES = {"n²": "n^2", "n³": "n^3", "2ⁿ": "2^n"}


def rank(label):
    return DEGREE[ALIASES.get(str(label), str(label))]


class SpecLoader(yaml.SafeLoader):
    """problem.yaml with its !py, !ListNode, !TreeNode tags read as plain data."""


SpecLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def check_problem(pyjudge, problems, out_dir, problem, budget):
    spec = yaml.load(open(os.path.join(problems, problem, "problem.yaml")), Loader=SpecLoader)
    labels = spec.get("complexity") or {}
    reference = os.path.relpath(spec["reference"], "solutions")
    outcomes, failures = [], []
    for quantity in ("time", "memory"):
        table = labels.get(quantity) or {}
        if not table:
            continue
        if reference not in table:
            failures.append(f"{quantity}: the reference {reference} has no label")
            continue
        for solution, label in table.items():
            if solution == reference:
                continue
            path = os.path.join(problems, problem, "solutions", solution)
            run = subprocess.run([pyjudge, "run", problem, path, "--problems", problems, "--samples", "--no-cache",
                                  "--complexity", "--complexity-budget", str(budget), "--json"],
                                 capture_output=True, text=True, timeout=600)
            try:
                report = json.loads(run.stdout)["complexity"]
            except (ValueError, KeyError):
                failures.append(f"{solution}: no complexity report (exit {run.returncode}): {run.stderr[-500:]}")
                continue
            part = report.get(quantity) or {}
            comparison = part.get("comparison", "inconclusive")
            confidence = part.get("confidence", "")
            worse = rank(label) > rank(table[reference])
            line = (f"{problem} {quantity} {solution} ({label} vs {table[reference]}): {comparison}"
                    f"{' (' + confidence + ')' if confidence else ''}"
                    f" yours {part.get('yours', {}).get('exponent', float('nan')):.2f}"
                    f" ref {part.get('reference', {}).get('exponent', float('nan')):.2f}"
                    f" {part.get('reason', '')} [{report.get('spent_ms')} ms]")
            print(line, flush=True)
            outcomes.append({"solution": solution, "quantity": quantity, "worse": worse,
                             "comparison": comparison, "confidence": confidence})
            if worse and comparison in ("same", "slower"):
                failures.append(f"{solution}: labelled {label}, worse than the reference's "
                                f"{table[reference]}, but reported {comparison}")
            if not worse and comparison == "faster":
                failures.append(f"{solution}: labelled {label}, no worse than the reference's "
                                f"{table[reference]}, but reported faster")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, problem + ".json"), "w") as f:
        json.dump(outcomes, f)
    if not outcomes:
        failures.append("no labelled solutions (complexity: time: in problem.yaml)")
    for failure in failures:
        print("FAIL " + problem + ": " + failure)
    return 1 if failures else 0


def summary(out_dir, rate):
    outcomes = []
    for name in sorted(os.listdir(out_dir)):
        if name.endswith(".json"):
            outcomes += [dict(o, problem=name[:-5]) for o in json.load(open(os.path.join(out_dir, name)))]
    worse = [o for o in outcomes if o["worse"]]
    found = [o for o in worse if o["comparison"] == "faster" and o["confidence"]]
    problems = {o["problem"] for o in outcomes}
    print(f"{len(problems)} problems, {len(outcomes)} labelled comparisons; "
          f"{len(found)} of {len(worse)} worse solutions reported faster with a confidence")
    for o in worse:
        if o not in found:
            print(f"  inconclusive: {o['problem']} {o['quantity']} {o['solution']}")
    ok = len(problems) >= 12 and worse and len(found) >= rate * len(worse)
    print(f"required: at least 12 problems and {rate:.0%} found")
    return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1] == "--summary":
        rate = float(sys.argv[sys.argv.index("--rate") + 1]) if "--rate" in sys.argv else 0.9
        sys.exit(summary(sys.argv[2], rate))
    budget = 4.0
    if "--budget" in sys.argv:
        budget = float(sys.argv[sys.argv.index("--budget") + 1])
    sys.exit(check_problem(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], budget))
