import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def syscall(number, *args):
    return libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))

# prctl(PR_SET_DUMPABLE, 1) (157): would make the process traceable again.


def solve():
    syscall(157, 4, 1, 0, 0, 0)
    return 0
