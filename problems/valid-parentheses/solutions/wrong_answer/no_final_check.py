# Wrong: never checks that the stack is empty at the end, so unclosed strings like "((" pass.
import sys

MATCH = {")": "(", "]": "[", "}": "{"}


def is_valid(s):
    stack = []
    for c in s:
        if c in MATCH:
            if not stack or stack.pop() != MATCH[c]:
                return False
        else:
            stack.append(c)
    return True


data = sys.stdin.read().split()
for s in data[1 : int(data[0]) + 1]:
    print("true" if is_valid(s) else "false")
