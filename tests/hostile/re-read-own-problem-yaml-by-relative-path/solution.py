# Reads the problem spec by a path relative to the working directory (computed with
# os.path.relpath so that it names the real file whatever directory the judge runs in).
import os

SPEC = "/work/main/tests/hostile/re-read-own-problem-yaml-by-relative-path/problem.yaml"


def solve():
    with open(os.path.relpath(SPEC, os.getcwd())) as f:
        return f.read()
