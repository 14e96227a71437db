# A MAP_GROWSDOWN mapping counts as stack, not data: 280 MiB committed past a 64 MiB
# RLIMIT_DATA.
import ctypes

MAP_PRIVATE, MAP_ANONYMOUS, MAP_GROWSDOWN = 0x02, 0x20, 0x0100
PROT_READ, PROT_WRITE = 1, 2


def solve():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
    size = 280 << 20
    p = libc.mmap(None, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0)
    if p and p != ctypes.c_void_p(-1).value:
        ctypes.memset(p, 1, size)
    return 0
