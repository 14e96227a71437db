# 200 threads that all stay alive: each reserves a 1 MiB stack, which counts against
# RLIMIT_DATA, so thread creation fails before the storm ends.
import threading

stop = threading.Event()


def solve():
    threads = []
    for _ in range(200):
        t = threading.Thread(target=stop.wait, daemon=True)
        t.start()
        threads.append(t)
    stop.set()
    return 0
