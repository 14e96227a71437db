# Renames the canary away.
import os


def solve():
    os.rename("/tmp/pyjudge-hostile/canary.txt", "/tmp/pyjudge-hostile/renamed.txt")
    return 0
