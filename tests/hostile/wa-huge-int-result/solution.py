# Returns a million-bit integer (250000 hex digits on the wire; CPython itself would refuse to
# print it in decimal). Building it costs the candidate microseconds; the judge must compare
# and report it just as fast, not spend seconds (or, with bigger ints, days) converting it.


def solve():
    return (1 << 1_000_000) + 1
