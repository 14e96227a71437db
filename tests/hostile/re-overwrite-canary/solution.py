# Overwrites the canary in place (O_WRONLY|O_TRUNC).


def solve():
    with open("/tmp/pyjudge-hostile/canary.txt", "w") as f:
        f.write("pwned")
    return 0
