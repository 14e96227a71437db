import subprocess


def solve():
    subprocess.run(["true"])
    return 0
