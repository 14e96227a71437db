"""Group Anagrams: the groups are a multiset, and so are the strings inside each group.

This is what `compare: unordered` with `unordered_depth: 2` is meant to do, but the stable judge
lines the groups up by their first string *before* ignoring the inner order, so a correct answer
whose groups list their strings in another order than the expected one can be judged WA. The
checker canonicalises both sides instead: sort each group, then compare the groups as a multiset.
"""
from collections import Counter


def _canonical(groups, what):
    if not isinstance(groups, (list, tuple)):
        return None, f"{what} must be a list of groups, got a {type(groups).__name__}"
    out = []
    for g in groups:
        if not isinstance(g, (list, tuple)) or not all(isinstance(s, str) for s in g):
            return None, f"{what}: each group must be a list of strings, got {g!r:.80}"
        out.append(tuple(sorted(g)))
    return Counter(out), ""


def check(args, expected, got):
    want, why = _canonical(expected, "expected")
    if want is None:
        return False, why
    have, why = _canonical(got, "the answer")
    if have is None:
        return False, why
    if want == have:
        return True
    if sum(have.values()) != sum(want.values()):
        return False, f"expected {sum(want.values())} groups, got {sum(have.values())}"
    missing = next(iter(want - have))
    extra = next(iter(have - want))
    return False, f"group {list(missing)!r:.100} is missing (in any order); got {list(extra)!r:.100} instead"
