# Blocks SIGSYS, then makes a forbidden call: the kernel cannot deliver the trap to a handler,
# so the process dies of SIGSYS; the call still must not happen.
import os
import signal


def solve():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGSYS})
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    return 0
