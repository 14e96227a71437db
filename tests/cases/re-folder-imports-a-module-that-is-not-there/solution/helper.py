def read():
    return input()
