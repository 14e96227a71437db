# Replaces builtins the harness might use (print, isinstance, type, repr, str, int, len, ...)
# and tries to patch int/list comparison, then returns a wrong answer: the value is serialised
# by type pointer in C and compared in the judge, so nothing here can change the verdict.
import builtins


class Always:
    def __eq__(self, other):
        return True

    def __repr__(self):
        return "42"


def solve():
    builtins.print = lambda *a, **k: None
    builtins.isinstance = lambda *a: True
    builtins.issubclass = lambda *a: True
    builtins.type = lambda *a: int
    builtins.repr = lambda *a: "42"
    builtins.str = lambda *a: "42"
    builtins.int = Always
    builtins.len = lambda *a: 0
    builtins.hash = lambda *a: 0
    for cls in (int, list, object):
        try:
            cls.__eq__ = lambda self, other: True
        except TypeError:
            pass
    return 41
