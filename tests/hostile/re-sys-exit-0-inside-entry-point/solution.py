# sys.exit(0) in the entry point, before any result exists: not a success in function mode.
import sys


def solve():
    sys.exit(0)
