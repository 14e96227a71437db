import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def syscall(number, *args):
    return libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))

# The fork system call itself (57 on x86_64), bypassing glibc and Python.


def solve():
    pid = syscall(57)
    if pid == 0:
        os._exit(0)
    return 0
