# A TCP connection to 127.0.0.1: socket(AF_INET) is refused before any packet exists.
import socket


def solve():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(0.5)
    s.connect(("127.0.0.1", 80))
    return 0
