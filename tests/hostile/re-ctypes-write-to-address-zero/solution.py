# Writes through a null pointer: SIGSEGV is the candidate's crash (RE), not an internal error.
import ctypes


def solve():
    ctypes.memmove(0, b"x", 1)
    return 0
