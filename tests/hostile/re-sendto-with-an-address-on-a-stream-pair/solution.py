# sendto() with an address is a datagram to somewhere else, whatever the socket.
import socket


def solve():
    a, b = socket.socketpair()
    a.sendto(b"x", "/dev/log")
    return 0
