# Changes the canary's timestamps.
import os


def solve():
    os.utime("/tmp/pyjudge-hostile/canary.txt", (0, 0))
    return 0
