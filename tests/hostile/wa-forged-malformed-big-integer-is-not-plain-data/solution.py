# A forged BigInt whose text is not hexadecimal.
import os
import struct


def solve():
    value = b"\x03" + struct.pack("<Q", 5) + b"0xzz!"
    payload = b"\x01" + value
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(0)
