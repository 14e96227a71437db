# Four threads incrementing a shared counter under a Lock: threads are allowed.
import threading


def solve():
    count = 0
    lock = threading.Lock()

    def work():
        nonlocal count
        for _ in range(10000):
            with lock:
                count += 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count
