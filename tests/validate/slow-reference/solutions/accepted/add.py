import time


def add(a, b):
    # 150 ms of CPU on a 200 ms limit: accepted, but with no margin.
    start = time.process_time()
    while time.process_time() - start < 0.15:
        pass
    return a + b
