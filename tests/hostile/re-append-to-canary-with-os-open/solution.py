# os.open with O_WRONLY|O_APPEND, then write.
import os


def solve():
    fd = os.open("/tmp/pyjudge-hostile/canary.txt", os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"pwned")
    return 0
