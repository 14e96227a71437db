import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def syscall(number, *args):
    return libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))

# tgkill(ppid, ppid, 0) (234): the thread-directed signal call, aimed at the box (signal 0
# only probes).


def solve():
    ppid = os.getppid()
    syscall(234, ppid, ppid, 0)
    return 0
