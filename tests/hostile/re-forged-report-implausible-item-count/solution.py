# Writes a report claiming a list of 2**40 items (a decoder that trusts it would reserve
# terabytes), then exits before the harness writes the real one.
import os
import struct


def solve():
    payload = b"\x01" + b"\x07" + struct.pack("<Q", 1 << 40)
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(0)
