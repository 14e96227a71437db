# Ignores every catchable termination signal, then sleeps: the box must kill with SIGKILL.
import signal
import time


def solve():
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1,
                signal.SIGUSR2, signal.SIGALRM, signal.SIGXCPU):
        signal.signal(sig, signal.SIG_IGN)
    time.sleep(60)
    return 0
