# An AF_UNIX datagram socket from socketpair() can sendto() any named socket on the host
# (/dev/log), which Landlock does not mediate.
import socket


def solve():
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    a.sendto(b"<13>pyjudge hostile", "/dev/log")
    return 0
