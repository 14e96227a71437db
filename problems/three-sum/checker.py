"""3Sum: the triplets are a multiset, and so are the three values inside each triplet.

This is what `compare: unordered` with `unordered_depth: 2` is meant to do, but the stable judge
lines the triplets up by their first value *before* ignoring the inner order, so a correct answer
such as [[0, -1, 1]] for an expected [[-1, 0, 1]] can be judged WA when there are several
triplets. The checker canonicalises both sides instead: sort each triplet, then compare the
triplets as a multiset (a repeated triplet in the answer is wrong).
"""
from collections import Counter


def _canonical(triplets, what):
    if not isinstance(triplets, (list, tuple)):
        return None, f"{what} must be a list of triplets, got a {type(triplets).__name__}"
    out = []
    for t in triplets:
        if (not isinstance(t, (list, tuple)) or len(t) != 3
                or not all(type(x) is int for x in t)):
            return None, f"{what}: each triplet must be a list of 3 ints, got {t!r:.80}"
        out.append(tuple(sorted(t)))
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
    repeated = next((t for t, c in have.items() if c > 1), None)
    if repeated is not None:
        return False, f"triplet {list(repeated)} is reported {have[repeated]} times"
    if sum(have.values()) != sum(want.values()):
        return False, f"expected {sum(want.values())} triplets, got {sum(have.values())}"
    missing = next(iter(want - have))
    extra = next(iter(have - want))
    return False, f"triplet {list(missing)} is missing (in any order); got {list(extra)} instead"
