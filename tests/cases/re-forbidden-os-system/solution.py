import os


def solve():
    os.system("true")
    return 0
