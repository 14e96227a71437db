# Wrong: StepRange is its own iterator (__iter__ returns self), so a second loop over it is empty.
class StepRangeIterator:
    def __init__(self, start, stop, step):
        self.current, self.stop, self.step = start, stop, step

    def __iter__(self):
        return self

    def __next__(self):
        if (self.step > 0 and self.current >= self.stop) or (
            self.step < 0 and self.current <= self.stop
        ):
            raise StopIteration
        value = self.current
        self.current += self.step
        return value


class StepRange(StepRangeIterator):
    def __init__(self, start, stop, step=1):
        if step == 0:
            raise ValueError("step must not be zero")
        super().__init__(start, stop, step)
