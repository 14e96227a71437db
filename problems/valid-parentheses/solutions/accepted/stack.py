# Reference: a stack of open brackets; each closer must match the top. O(total length).
import sys

MATCH = {")": "(", "]": "[", "}": "{"}


def is_valid(s: str) -> bool:
    stack = []
    for c in s:
        if c in MATCH:
            if not stack or stack.pop() != MATCH[c]:
                return False
        else:
            stack.append(c)
    return not stack


def main() -> None:
    t, *lines = sys.stdin.read().split()
    print("\n".join("true" if is_valid(s) else "false" for s in lines[: int(t)]))


main()
