# Crashes: keeps one `minimum` attribute and, when the minimum is popped, recomputes it with
# min() over the rest — which raises ValueError once the stack becomes empty.
class MinStack:
    def __init__(self):
        self.stack = []
        self.minimum = None

    def push(self, val: int) -> None:
        self.stack.append(val)
        if self.minimum is None or val < self.minimum:
            self.minimum = val

    def pop(self) -> None:
        if self.stack.pop() == self.minimum:
            self.minimum = min(self.stack)

    def top(self) -> int:
        return self.stack[-1]

    def getMin(self) -> int:
        return self.minimum
