import signal
import time

def solve(n):
    if n:
        signal.setitimer(signal.ITIMER_REAL, 0.2)  # SIGALRM's default action ends the process
    else:
        time.sleep(0.5)
    return 0
