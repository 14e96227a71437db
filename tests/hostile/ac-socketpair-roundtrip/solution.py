# socketpair(AF_UNIX) is the one socket allowed (asyncio needs it): a message round trip.
import socket


def solve():
    a, b = socket.socketpair()
    a.sendall(b"ping")
    data = b.recv(16)
    a.close()
    b.close()
    return data.decode()
