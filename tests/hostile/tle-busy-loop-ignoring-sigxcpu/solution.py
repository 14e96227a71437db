# Ignores SIGXCPU (RLIMIT_CPU's soft signal) and keeps spinning: the watchdog's SIGKILL, and
# RLIMIT_CPU's hard limit behind it, cannot be ignored.
import signal

signal.signal(signal.SIGXCPU, signal.SIG_IGN)


def solve():
    x = 0
    while True:
        x += 1
