# stdin is the test's input and nothing more: reading it returns EOF at once (no blocking),
# and writing to it fails.
import os
import sys


def solve():
    data = sys.stdin.read()
    try:
        os.write(0, b"x")
        writable = True
    except OSError:
        writable = False
    return [data, writable]
