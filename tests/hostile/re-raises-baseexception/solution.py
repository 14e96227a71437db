# Raises BaseException itself (not an Exception): still a runtime error.


def solve():
    raise BaseException("not an Exception")
