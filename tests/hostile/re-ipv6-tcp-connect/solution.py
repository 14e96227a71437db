# The same over IPv6 to ::1.
import socket


def solve():
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.connect(("::1", 80))
    return 0
