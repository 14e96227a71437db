import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def syscall(number, *args):
    return libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))

# io_uring_setup (425): io_uring performs file and socket operations without the system calls
# a seccomp filter sees, so the ring itself must be refused.


def solve():
    params = ctypes.create_string_buffer(120)
    libc.syscall(ctypes.c_long(425), ctypes.c_long(4), params)
    return 0
