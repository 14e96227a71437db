# Deletes the canary.
import os


def solve():
    os.remove("/tmp/pyjudge-hostile/canary.txt")
    return 0
