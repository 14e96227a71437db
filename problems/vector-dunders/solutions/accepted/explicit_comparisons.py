# Alternative: both comparisons written out, the length computed with a generator and sqrt, and
# operands checked with isinstance against (int, float).
import math


class Vector:
    def __init__(self, *components):
        self.components = components

    def __repr__(self):
        return "Vector(" + ", ".join(repr(c) for c in self.components) + ")"

    def __len__(self):
        return len(self.components)

    def __iter__(self):
        yield from self.components

    def _combine(self, other, op):
        if not isinstance(other, Vector):
            return NotImplemented
        if len(self.components) != len(other.components):
            raise ValueError("vectors of different lengths")
        return Vector(*map(op, self.components, other.components))

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(*(c * k for c in self.components))
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return math.sqrt(sum(c * c for c in self.components))

    def __bool__(self):
        return any(c != 0 for c in self.components)

    def __eq__(self, other):
        if isinstance(other, Vector):
            return self.components == other.components
        return NotImplemented

    def __hash__(self):
        return hash(self.components)

    def __lt__(self, other):
        if isinstance(other, Vector):
            return abs(self) < abs(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Vector):
            return abs(self) > abs(other)
        return NotImplemented
