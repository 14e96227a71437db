"""Where each name of the leetcode prelude comes from, for binding it lazily (run by CMake).

    prelude_names.py PRELUDE_FILE  ->  stdout: one line per name, "name<TAB>module<TAB>attribute"

The box binds only the prelude names a solution's code mentions, importing just their modules
(python/interpreter.cpp). This table is derived from the eager prelude itself, with the same
rules as leetcode_prelude(): names starting with '_' and builtins' names are left out. An empty
attribute means the module itself (`import collections`). ListNode and TreeNode are the judge's
own classes and are bound by the box, not listed here.
"""

import builtins
import importlib
import sys
import types

# Cheapest first: a value several modules hold (heapq.heappush is _heapq's) is taken from the
# first of these that has it, so `heappush` never imports typing.
PREFERENCE = ["math", "operator", "itertools", "functools", "heapq", "bisect", "collections", "string",
              "random", "re", "sys", "typing"]


def main(path):
    with open(path) as f:
        source = f.read()
    ns = {"__name__": "pyjudge"}
    exec(compile(source, path, "exec"), ns)
    modules = [importlib.import_module(m) for m in PREFERENCE]
    lines = []
    for name, value in sorted(ns.items()):
        if name.startswith("_") or hasattr(builtins, name):
            continue
        if isinstance(value, types.ModuleType):
            lines.append(f"{name}\t{value.__name__}\t")
            continue
        origin = next((m for m in modules if getattr(m, name, None) is value), None)
        # A value the prelude built itself (inf = float("inf")): a module attribute equal to it.
        origin = origin or next((m for m in modules if type(getattr(m, name, None)) is type(value)
                                 and getattr(m, name) == value), None)
        if origin is None:
            sys.exit(f"prelude_names.py: cannot tell where the prelude's '{name}' comes from")
        lines.append(f"{name}\t{origin.__name__}\t{name}")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
