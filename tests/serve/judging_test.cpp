#include "serve/judging.hpp"

#include <doctest/doctest.h>

using pyjudge::serve::starter_skeleton;

TEST_CASE("The starter keeps the reference's signatures and none of its code") {
  std::string reference = R"(# Reference: a dict and a doubly linked list.
from collections import OrderedDict
import heapq

HELPER = 3


class Node:
    """A list node."""
    def __init__(self, key, value):
        self.key = key
        self.value = value


class LRUCache:
    def __init__(self, capacity: int):
        self.data = OrderedDict()
        def inner():
            return 1

    @property
    def size(self):
        return len(self.data)

    def put(self, key: int,
            value: int) -> None:
        self.data[key] = value

    def get(self, key): return self.data.get(key, -1)


@decorator
def top(x: int) -> int:
    return x * HELPER
)";
  CHECK(starter_skeleton(reference) == R"(from collections import OrderedDict
import heapq

class Node:
    def __init__(self, key, value):
        pass

class LRUCache:
    def __init__(self, capacity: int):
        pass
    @property
    def size(self):
        pass
    def put(self, key: int,
            value: int) -> None:
        pass

@decorator
def top(x: int) -> int:
    pass
)");
}

TEST_CASE("A class without methods in the reference still parses as a starter") {
  CHECK(starter_skeleton("class Error(Exception):\n    \"\"\"doc\"\"\"\n\n\ndef f():\n    raise Error\n") ==
        "class Error(Exception):\n    pass\n\ndef f():\n    pass\n");
}
