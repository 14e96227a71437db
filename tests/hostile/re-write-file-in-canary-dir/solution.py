# Creates a new file next to the canary: an open for writing is refused by the filter.


def solve():
    with open("/tmp/pyjudge-hostile/x", "w") as f:
        f.write("pwned")
    return 0
