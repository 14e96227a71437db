# Acquires a non-reentrant lock twice: a deadlock that burns no CPU.
import threading


def solve():
    lock = threading.Lock()
    lock.acquire()
    lock.acquire()
    return 0
