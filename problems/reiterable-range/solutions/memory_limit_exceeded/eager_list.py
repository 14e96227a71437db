# Too much memory: builds the list of all values in the constructor instead of producing them lazily.
class StepRangeIterator:
    def __init__(self, start, stop, step):
        self.values = []
        x = start
        while (step > 0 and x < stop) or (step < 0 and x > stop):
            self.values.append(x)
            x += step
        self.index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.index == len(self.values):
            raise StopIteration
        self.index += 1
        return self.values[self.index - 1]


class StepRange:
    def __init__(self, start, stop, step=1):
        if step == 0:
            raise ValueError("step must not be zero")
        self.start, self.stop, self.step = start, stop, step

    def __iter__(self):
        return StepRangeIterator(self.start, self.stop, self.step)
