# Installs a SIGXCPU handler that swallows the signal and goes on computing: still TLE.
import signal

caught = []
signal.signal(signal.SIGXCPU, lambda signum, frame: caught.append(signum))


def solve():
    x = 0
    while True:
        x += 1
