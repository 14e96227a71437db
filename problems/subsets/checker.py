"""Subsets: the subsets are a multiset, and so are the elements inside each subset.

This is what `compare: unordered` with `compare_options: {unordered_depth: 2}` is meant to do,
but the stable judge pairs the subsets up by their raw order *before* ignoring the order inside
them, so a correct answer such as [[2, 1], ...] against an expected [[1, 2], ...] can be judged
WA. The checker canonicalises both sides instead: sort each subset, then compare the subsets as
a multiset.
"""
from collections import Counter


def _canonical(subsets, what):
    if not isinstance(subsets, (list, tuple)):
        return None, f"{what} must be a list of subsets, got a {type(subsets).__name__}"
    out = []
    for s in subsets:
        if not isinstance(s, (list, tuple)) or not all(type(x) is int for x in s):
            return None, f"{what}: each subset must be a list of ints, got {s!r:.80}"
        out.append(tuple(sorted(s)))
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
    repeated = next((s for s, k in have.items() if k > 1), None)
    if repeated is not None:
        return False, f"subset {list(repeated)!r:.100} appears {have[repeated]} times"
    missing = next(iter(want - have), None)
    if missing is not None:
        return False, (f"subset {list(missing)!r:.100} is missing (in any order); "
                       f"expected {sum(want.values())} subsets, got {sum(have.values())}")
    extra = next(iter(have - want))
    return False, f"{list(extra)!r:.100} is not a subset of the input"
