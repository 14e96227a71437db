# Raises an exception whose __str__ never returns: the harness calls str() on it to build the
# report, so candidate code still runs inside the harness and must still be under the limits.


class Endless(Exception):
    def __str__(self):
        while True:
            pass


def solve():
    raise Endless()
