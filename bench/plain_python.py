#!/usr/bin/python3
"""Helper for bench/feedback.sh: what a function problem's tests cost under plain python3.

    plain_python.py write PROBLEM_DIR OUT.pickle
        the problem's tests as pyjudge judges them: the written ones' args and expected values,
        then every generated input (generate(rng, size) with pyjudge's seeding rule,
        random.Random(f"{seed}:{size}:{index}")) with the reference solution's answer, pickled
    plain_python.py run OUT.pickle SOLUTION.py
        loads them, runs SOLUTION.py once (with typing's names bound, as LeetCode's and pyjudge's
        leetcode prelude do), calls its entry on every test and checks each answer; exits 1 on the
        first wrong one. This is the row "plain python3, same solution and inputs".

Needs python3-yaml for `write` only (problem.yaml); `run` uses the standard library alone.
"""

import pickle
import random
import runpy
import sys


def load_entry(source_path, entry):
    namespace = {}
    exec("from typing import *", namespace)
    with open(source_path) as f:
        exec(compile(f.read(), source_path, "exec"), namespace)
    cls, _, method = entry.rpartition(".")
    if cls:
        return lambda *args: getattr(namespace[cls](), method)(*args)
    return namespace[method]


def same(got, expected, unordered):
    if unordered:
        return sorted(got) == sorted(expected)
    return got == expected


def write(problem_dir, out):
    import yaml  # python3-yaml

    with open(f"{problem_dir}/problem.yaml") as f:
        spec = yaml.safe_load(f)
    if spec.get("mode", "function") != "function":
        sys.exit("plain_python.py: only function problems")
    tests = [(t["args"], t["expected"]) for t in spec.get("tests", [])]
    reference = load_entry(f"{problem_dir}/{spec['reference']}", spec["entry"])
    for g in spec.get("generate", []):
        generate = runpy.run_path(f"{problem_dir}/{g['generator']}")["generate"]
        for size in g["sizes"]:
            for index in range(g.get("count", 1)):
                args = generate(random.Random(f"{g['seed']}:{size}:{index}"), size)["args"]
                tests.append((args, reference(*args)))
    with open(out, "wb") as f:
        pickle.dump({"entry": spec["entry"], "unordered": spec.get("compare") == "unordered", "tests": tests}, f)


def run(inputs, solution):
    with open(inputs, "rb") as f:
        problem = pickle.load(f)
    call = load_entry(solution, problem["entry"])
    for number, (args, expected) in enumerate(problem["tests"], 1):
        if not same(call(*args), expected, problem["unordered"]):
            sys.exit(f"test {number}: wrong answer")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
