# Reads a file outside the Python installation.


def solve():
    with open("/etc/passwd") as f:
        return f.read()
