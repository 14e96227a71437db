# Stops itself with SIGSTOP (signalling itself is allowed): a stopped process uses no CPU and
# never exits on its own, so only the wall-clock SIGKILL ends it.
import os
import signal


def solve():
    os.kill(os.getpid(), signal.SIGSTOP)
    return 0
