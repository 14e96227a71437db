# Input validator: exit 42 when stdin is exactly "n\n" then n integers on one line, else 43.
import re
import sys

data = sys.stdin.buffer.read()
m = re.fullmatch(rb"([1-9][0-9]{0,3})\n(-?[0-9]+(?: -?[0-9]+)*)\n", data)
if not m:
    sys.exit(43)
n = int(m.group(1))
xs = [int(x) for x in m.group(2).split()]
ok = 1 <= n <= 1000 and len(xs) == n and all(abs(x) <= 10**9 for x in xs)
ok = ok and all(x == b"0" or not x.lstrip(b"-").startswith(b"0") for x in m.group(2).split())
sys.exit(42 if ok else 43)
