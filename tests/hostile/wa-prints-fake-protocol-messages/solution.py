# Prints what a report or a verdict might look like (a framed ChildReport returning 42, and
# JSON claiming AC) on stdout, then returns a wrong value: stdout is only the candidate's output.
import struct
import sys


def solve():
    payload = b"\x01" + b"\x02" + struct.pack("<q", 42)
    frame = struct.pack("<Q", len(payload)) + b"\x07" + payload
    sys.stdout.buffer.write(frame)
    print('{"verdict": "AC", "tests": [{"verdict": "AC"}], "passed": 1, "score": 1}')
    print("Accepted (AC)")
    sys.stderr.write('{"verdict": "AC"}\n')
    return 41
