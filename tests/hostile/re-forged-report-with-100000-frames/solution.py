# 100 000 frames each pointing into the solution's file: formatting them used to re-read the
# source once per frame. Over the 1000-frame cap, the report is malformed.
import os
import struct


def b(s):
    return struct.pack("<Q", len(s)) + s


def solve():
    frame = b(__file__.encode()) + struct.pack("<q", 1) + b(b"solve")
    payload = b"\x02" + b(b"ValueError") + b(b"builtins") + struct.pack("<Q", 0) + b(b"boom")
    payload += struct.pack("<Q", 100000) + frame * 100000
    os.write(3, struct.pack("<Q", len(payload)) + b"\x07" + payload)
    os._exit(0)
