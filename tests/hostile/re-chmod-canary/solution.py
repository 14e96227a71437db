# Changes the canary's mode.
import os


def solve():
    os.chmod("/tmp/pyjudge-hostile/canary.txt", 0o777)
    return 0
