# A UDP datagram to 127.0.0.1 (connectionless: no connect to refuse, so socket() must be).
import socket


def solve():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(b"hello", ("127.0.0.1", 9))
    return 0
