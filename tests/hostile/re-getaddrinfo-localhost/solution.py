# Name resolution: glibc reads /etc/nsswitch.conf and /etc/hosts (not readable) and talks to
# nscd or a DNS server over a socket (forbidden).
import socket


def solve():
    socket.getaddrinfo("localhost", 80)
    return 0
