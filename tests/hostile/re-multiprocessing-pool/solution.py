# multiprocessing.Pool: needs semaphores in /dev/shm and worker processes.
import multiprocessing


def solve():
    with multiprocessing.Pool(2) as pool:
        pool.map(abs, [1, -2])
    return 0
