import signal

def solve(n):
    if n:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        return 0
    return int(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
