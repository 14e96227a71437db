# 100 threads (bounded) spinning at once: CPU time is counted over the whole thread group.
import threading


def spin():
    x = 0
    while True:
        x += 1


def solve():
    for _ in range(100):
        threading.Thread(target=spin, daemon=True).start()
    spin()
