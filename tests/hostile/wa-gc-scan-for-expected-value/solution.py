# Searches every object the garbage collector knows (and everything they refer to) for the
# test's expected value, a 9-digit number. This file knows only its SHA-256, so that the search
# cannot find a copy the solution made itself; if the value ever leaked into the box the
# solution would return it and pass. It never does: the answer is -1, WA.
import gc
import hashlib
import sys

DIGEST = "e094461145afaf76c97e96a7d9542c0b4f9eed158da7338c29a8400fa6d4ab3d"
LOW, HIGH = 10**8, 10**9


def matches(n):
    return hashlib.sha256(str(n).encode()).hexdigest() == DIGEST


def solve():
    seen = set()
    stack = list(gc.get_objects()) + list(sys.modules.values())
    steps = 0
    while stack and steps < 3_000_000:
        steps += 1
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if type(obj) is int:
            if LOW <= obj < HIGH and matches(obj):
                return obj
        elif type(obj) in (str, bytes) and len(obj) < 1_000_000:
            text = obj.decode("latin-1") if type(obj) is bytes else obj
            for token in text.replace(":", " ").replace(",", " ").split():
                if len(token) == 9 and token.isdigit() and matches(token):
                    return int(token)
        elif type(obj) in (list, tuple, set, frozenset):
            stack.extend(obj)
        elif type(obj) is dict:
            stack.extend(obj.keys())
            stack.extend(obj.values())
        else:
            try:
                stack.extend(gc.get_referents(obj))
            except Exception:
                pass
    return -1
