def add(a, b):
    total = a +
    return total
