# Returns a 3-million-bit integer (750000 hex digits on the wire; CPython would refuse to print
# it in decimal). The judge must compare and report it without a quadratic conversion.


def solve():
    return (1 << 3_000_000) + 1
