def add(a, b):
    print("adding", a, b)
    return a + b + 1
