import os
import signal
import threading

received = []


def solve():
    signal.signal(signal.SIGUSR1, lambda signum, frame: received.append(signum))
    os.kill(os.getpid(), signal.SIGUSR1)          # kill(self)
    signal.raise_signal(signal.SIGUSR1)          # tgkill(self, self)
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join()
    signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)  # tgkill(self, tid)
    return len(received) - 3
