# O_RDONLY|O_TRUNC truncates on Linux although the file is opened for reading only.
import os


def solve():
    os.open("/tmp/pyjudge-hostile/canary.txt", os.O_RDONLY | os.O_TRUNC)
    return 0
