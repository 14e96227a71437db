# Probes descriptors 0..127: only stdin, stdout, stderr, the result channel (3), the box's control
# and command channels (5, 6) and the harness's copy of stdin (7) are open.
import os


def solve():
    open_fds = []
    for fd in range(128):
        try:
            os.fstat(fd)
            open_fds.append(fd)
        except OSError:
            pass
    return open_fds
