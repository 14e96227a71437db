# The iterator computes how many values are left up front (ceil division) and counts down.
class StepRangeIterator:
    def __init__(self, start, stop, step):
        self._next = start
        self._step = step
        self._left = max(0, -((start - stop) // step))  # ceil((stop - start) / step)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        value, self._next = self._next, self._next + self._step
        return value


class StepRange:
    def __init__(self, start, stop, step=1):
        if not step:
            raise ValueError("StepRange() step must not be zero")
        self._bounds = (start, stop, step)

    def __iter__(self):
        return StepRangeIterator(*self._bounds)
