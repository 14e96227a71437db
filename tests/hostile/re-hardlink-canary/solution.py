# Makes a second name for the canary.
import os


def solve():
    os.link("/tmp/pyjudge-hostile/canary.txt", "/tmp/pyjudge-hostile/hardlink")
    return 0
