# Reference: each entry stores (value, minimum of the stack up to and including it).
class MinStack:
    def __init__(self):
        self.items = []  # (value, running minimum)

    def push(self, val: int) -> None:
        current = min(val, self.items[-1][1]) if self.items else val
        self.items.append((val, current))

    def pop(self) -> None:
        self.items.pop()

    def top(self) -> int:
        return self.items[-1][0]

    def getMin(self) -> int:
        return self.items[-1][1]
