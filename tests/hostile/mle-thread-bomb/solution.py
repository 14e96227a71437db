# 16 threads, each filling memory with 4 MiB blocks (at most 32 each: 2 GiB in total) and
# swallowing its own MemoryError; the main thread then returns the right answer.
import threading

kept = []


def hog():
    try:
        for _ in range(32):
            kept.append(b"x" * (4 << 20))
    except MemoryError:
        pass


def solve():
    threads = [threading.Thread(target=hog) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return 0
