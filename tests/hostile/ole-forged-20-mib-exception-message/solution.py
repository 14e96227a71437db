# A forged exception report whose message is 20 MiB.
import os
import struct


def b(s):
    return struct.pack("<Q", len(s)) + s


def solve():
    payload = b"\x02" + b(b"ValueError") + b(b"builtins") + struct.pack("<Q", 0) + b(b"m" * (20 << 20))
    payload += struct.pack("<Q", 0)
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(1)
