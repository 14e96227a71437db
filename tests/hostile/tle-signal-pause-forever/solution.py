# Waits for a signal that never comes: the wall-clock kill ends it.
import signal


def solve():
    signal.pause()
    return 0
