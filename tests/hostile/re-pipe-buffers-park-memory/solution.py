# F_SETPIPE_SZ grows a pipe's kernel buffer to 1 MiB: 60 pipes park 60 MiB that no limit of
# the child counts, and the data reads back.
import fcntl
import os

F_SETPIPE_SZ = 1031


def solve():
    pipes = []
    for _ in range(60):
        r, w = os.pipe()
        fcntl.fcntl(w, F_SETPIPE_SZ, 1 << 20)
        os.set_blocking(w, False)
        os.write(w, b"x" * (1 << 20))
        pipes.append((r, w))
    return 0
