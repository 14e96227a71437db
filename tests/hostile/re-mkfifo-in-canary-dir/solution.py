# Creates a FIFO next to the canary.
import os


def solve():
    os.mkfifo("/tmp/pyjudge-hostile/fifo")
    return 0
