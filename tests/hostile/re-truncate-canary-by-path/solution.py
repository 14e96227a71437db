# truncate(2) needs no open file descriptor.
import os


def solve():
    os.truncate("/tmp/pyjudge-hostile/canary.txt", 0)
    return 0
