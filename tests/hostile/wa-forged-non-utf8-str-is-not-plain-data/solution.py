import os
import struct


def solve():
    value = b"\x05" + struct.pack("<Q", 2) + b"\xff\xfe"  # Str, 2 bytes, not UTF-8
    payload = b"\x01" + value
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(0)
