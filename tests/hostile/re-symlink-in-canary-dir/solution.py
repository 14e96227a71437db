# Plants a symlink next to the canary.
import os


def solve():
    os.symlink("/etc/passwd", "/tmp/pyjudge-hostile/link")
    return 0
