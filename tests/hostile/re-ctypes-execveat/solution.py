import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def syscall(number, *args):
    return libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))

# execveat(AT_FDCWD, "/bin/true", argv, envp, 0) (322 on x86_64): the other way to execute.


def solve():
    path = ctypes.c_char_p(b"/bin/true")
    argv = (ctypes.c_char_p * 2)(b"true", None)
    envp = (ctypes.c_char_p * 1)(None)
    libc.syscall(ctypes.c_long(322), ctypes.c_long(-100), path, argv, envp, ctypes.c_long(0))
    return 0
