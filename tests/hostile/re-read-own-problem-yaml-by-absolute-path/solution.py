# Reads the problem spec (with the expected answers) by its absolute path.


def solve():
    with open("/work/main/tests/hostile/re-read-own-problem-yaml-by-absolute-path/problem.yaml") as f:
        return f.read()
