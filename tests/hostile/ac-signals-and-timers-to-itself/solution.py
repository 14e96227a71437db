# Signals to itself (kill, raise_signal, pthread_kill) and an interval timer are allowed.
import os
import signal
import threading
import time

received = []


def solve():
    signal.signal(signal.SIGUSR1, lambda signum, frame: received.append("usr1"))
    signal.signal(signal.SIGALRM, lambda signum, frame: received.append("alrm"))
    os.kill(os.getpid(), signal.SIGUSR1)
    signal.raise_signal(signal.SIGUSR1)
    signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    time.sleep(0.2)
    return received
