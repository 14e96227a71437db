# SO_SNDBUF up to net.core.wmem_max (4 MiB here, doubled by the kernel) on 60 socket pairs parks
# ~200 MiB in kernel socket buffers: without a cgroup no limit of the child counts it, and the
# data reads back. The buffer-size options are refused.
import socket


def solve():
    pairs = []
    chunk = b"x" * (1 << 20)
    for _ in range(60):
        a, b = socket.socketpair()
        a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
        a.setblocking(False)
        try:
            while True:
                a.send(chunk)
        except BlockingIOError:
            pass
        pairs.append((a, b))
    return 0
