# Wrong: keeps the components in a list and __add__/__sub__ update self in place and return it,
# so `v + w` changes v (and every other name bound to it).
import math


class Vector:
    def __init__(self, *components):
        self.components = list(components)

    def __repr__(self):
        return "Vector(" + ", ".join(repr(c) for c in self.components) + ")"

    def __len__(self):
        return len(self.components)

    def __iter__(self):
        return iter(self.components)

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        if len(self) != len(other):
            raise ValueError("vectors of different lengths")
        for i, c in enumerate(other.components):
            self.components[i] += c
        return self

    def __sub__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        if len(self) != len(other):
            raise ValueError("vectors of different lengths")
        for i, c in enumerate(other.components):
            self.components[i] -= c
        return self

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(*(c * k for c in self.components))
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return math.hypot(*self.components)

    def __bool__(self):
        return any(self.components)

    def __eq__(self, other):
        if isinstance(other, Vector):
            return self.components == other.components
        return NotImplemented

    def __hash__(self):
        return hash(tuple(self.components))

    def __lt__(self, other):
        if isinstance(other, Vector):
            return abs(self) < abs(other)
        return NotImplemented
