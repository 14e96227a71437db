# O_ASYNC alone (the owner set elsewhere, or inherited): refused too.
import fcntl
import os


def solve():
    r, w = os.pipe()
    fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_ASYNC)
    return 0
