# A forged exception message over the 8 KiB cap: a malformed report, never decoded.
import os
import struct


def b(s):
    return struct.pack("<Q", len(s)) + s


def solve():
    payload = b"\x02" + b(b"ValueError") + b(b"builtins") + struct.pack("<Q", 0) + b(b"m" * (100 << 10))
    payload += struct.pack("<Q", 0)
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(0)
