# socketpair(AF_UNIX) is allowed (asyncio needs it). With CAP_NET_ADMIN, SO_SNDBUFFORCE raises
# the send buffer past net.core.wmem_max, and data parked there is kernel memory: neither
# RLIMIT_DATA nor the peak RSS sees it. This parks 200 MiB (bounded) under a 64 MiB limit and
# returns the right answer. A candidate must hold no capabilities: the setsockopt is refused
# (PermissionError), a runtime error.
import socket

SO_SNDBUFFORCE = 32


def solve():
    a, b = socket.socketpair()
    a.setsockopt(socket.SOL_SOCKET, SO_SNDBUFFORCE, 256 << 20)
    a.setblocking(False)
    chunk = b"x" * (1 << 20)
    parked = 0
    while parked < (200 << 20):
        try:
            parked += a.send(chunk)
        except BlockingIOError:
            break
    return 0
