# Too slow: deletes "()", "[]", "{}" until nothing changes; a deeply nested line needs O(n) passes of O(n).
import sys


def is_valid(s):
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return s == ""
        s = shorter


data = sys.stdin.read().split()
for s in data[1 : int(data[0]) + 1]:
    print("true" if is_valid(s) else "false")
