# Overwrites the interpreter's own machine code (mapped read-only and executable): SIGSEGV.
import ctypes


def solve():
    target = ctypes.cast(ctypes.pythonapi.PyLong_FromLong, ctypes.c_void_p).value
    ctypes.memset(target, 0xC3, 1)
    return 0
