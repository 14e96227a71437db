# os.system runs /bin/sh: a new process and an execve.
import os


def solve():
    os.system("true")
    return 0
