# subprocess.run of a harmless program: needs a new process (vfork/clone) and execve.
import subprocess


def solve():
    subprocess.run(["true"])
    return 0
