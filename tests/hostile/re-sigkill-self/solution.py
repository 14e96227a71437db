# Kills itself with SIGKILL (allowed: only itself): a crash, not a TLE or an internal error.
import os
import signal


def solve():
    os.kill(os.getpid(), signal.SIGKILL)
