# Probes descriptors 0..127: only stdin, stdout, stderr and the result channel are inherited.
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
