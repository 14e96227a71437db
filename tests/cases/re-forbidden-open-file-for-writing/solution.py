def solve():
    with open("/tmp/pyjudge-case-x", "w") as f:
        f.write("x")
    return 0
