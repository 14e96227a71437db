# Reads the canary file: only the Python installation is readable.


def solve():
    with open("/tmp/pyjudge-hostile/canary.txt") as f:
        return f.read()
