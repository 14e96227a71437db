# os.fork(): glibc's fork is a clone(2) without CLONE_THREAD, which the filter refuses.
import os


def solve():
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return 0
