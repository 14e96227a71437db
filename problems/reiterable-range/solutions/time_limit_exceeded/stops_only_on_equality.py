# Never ends: stops only when current == stop, so a step that jumps over stop iterates forever.
class StepRangeIterator:
    def __init__(self, start, stop, step):
        self.current, self.stop, self.step = start, stop, step

    def __iter__(self):
        return self

    def __next__(self):
        if self.current == self.stop:
            raise StopIteration
        value = self.current
        self.current += self.step
        return value


class StepRange:
    def __init__(self, start, stop, step=1):
        if step == 0:
            raise ValueError("step must not be zero")
        self.start, self.stop, self.step = start, stop, step

    def __iter__(self):
        return StepRangeIterator(self.start, self.stop, self.step)
