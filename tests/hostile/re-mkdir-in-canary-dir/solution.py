# Creates a directory next to the canary.
import os


def solve():
    os.mkdir("/tmp/pyjudge-hostile/dir")
    return 0
