# Writes garbage to every descriptor from 3 to 20. Only fd 3 (the result channel) is open; the
# garbage in front of the real report makes it malformed, which is the candidate's fault (RE),
# never AC and never an internal error.
import os


def solve():
    opened = []
    for fd in range(3, 21):
        try:
            os.write(fd, b"garbage " * 4)
            opened.append(fd)
        except OSError:
            pass
    return 0
