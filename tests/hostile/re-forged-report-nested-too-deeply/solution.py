# Writes a well-framed report of its own to fd 3 (a list nested 100000 deep, which would
# overflow a recursive decoder), then exits before the harness writes the real one.
import os
import struct


def solve():
    value = b"\x07" + struct.pack("<Q", 1)        # List of 1 item
    payload = b"\x01" + value * 100000 + b"\x00"  # Returned, then None at the bottom
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(0)
