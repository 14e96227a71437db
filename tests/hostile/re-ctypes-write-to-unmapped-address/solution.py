# Writes to an arbitrary unmapped address.
import ctypes


def solve():
    ctypes.memset(0x7EADBEEF0000, 0, 4096)
    return 0
