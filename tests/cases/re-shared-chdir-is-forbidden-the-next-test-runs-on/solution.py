import os

def solve(n):
    if n:
        os.chdir("/usr/lib")
        return True
    return os.getcwd() != "/usr/lib"
