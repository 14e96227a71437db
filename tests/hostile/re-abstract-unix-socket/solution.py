# An abstract UNIX socket (no file, so Landlock's path rules do not apply): socket(AF_UNIX)
# itself must be refused.
import socket


def solve():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect("\0pyjudge-hostile-abstract")
    return 0
