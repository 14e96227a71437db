# Crashes: pops without checking the stack is empty, so a leading closer like ")" raises IndexError.
import sys

MATCH = {")": "(", "]": "[", "}": "{"}


def is_valid(s):
    stack = []
    for c in s:
        if c in MATCH:
            if stack.pop() != MATCH[c]:
                return False
        else:
            stack.append(c)
    return not stack


data = sys.stdin.read().split()
for s in data[1 : int(data[0]) + 1]:
    print("true" if is_valid(s) else "false")
