def add(a, b):
    print(f"SECRET-{a}-{b}")
    print("\x1b[31mred\x1b[0m")
    return a + b
