import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def syscall(number, *args):
    return libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))

# rt_sigqueueinfo(ppid, 0, &info) (129): a third way to signal another process.


def solve():
    info = ctypes.create_string_buffer(128)
    libc.syscall(ctypes.c_long(129), ctypes.c_long(os.getppid()), ctypes.c_long(0), info)
    return 0
