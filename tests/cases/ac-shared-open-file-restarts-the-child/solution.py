import os

kept = []
first = []

def lowest_free_fd():
    fd = os.dup(0)
    os.close(fd)
    return fd

def solve(n):
    if n:
        kept.append(open(os.__file__, "rb"))
        return True
    fd = lowest_free_fd()
    if not first:
        first.append(fd)
    # A fresh child starts where the first one did (module state is fresh too).
    return fd == (first[0] if first else fd)
