# Reference: components in a tuple (hashable, immutable); NotImplemented for foreign operands;
# total_ordering fills in >, <=, >= from __lt__ and __eq__.
import math
from functools import total_ordering
from numbers import Real


@total_ordering
class Vector:
    __slots__ = ("_components",)

    def __init__(self, *components):
        self._components = tuple(components)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(map(repr, self._components))})"

    def __len__(self):
        return len(self._components)

    def __iter__(self):
        return iter(self._components)

    def _zip(self, other):
        if len(self) != len(other):
            raise ValueError(f"length mismatch: {len(self)} != {len(other)}")
        return zip(self._components, other._components)

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(*(a + b for a, b in self._zip(other)))

    def __sub__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(*(a - b for a, b in self._zip(other)))

    def __mul__(self, scalar):
        if not isinstance(scalar, Real):
            return NotImplemented
        return Vector(*(a * scalar for a in self._components))

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(*(-a for a in self._components))

    def __abs__(self):
        return math.hypot(*self._components)

    def __bool__(self):
        return any(self._components)

    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return self._components == other._components

    def __hash__(self):
        return hash(self._components)

    def __lt__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return abs(self) < abs(other)
