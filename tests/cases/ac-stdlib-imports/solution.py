import bisect
import collections
import dataclasses
import heapq
import itertools
import json
import re


@dataclasses.dataclass(order=True)
class Item:
    cost: int
    name: str


def solve():
    counts = collections.Counter("abracadabra")
    heap = [Item(3, "c"), Item(1, "a"), Item(2, "b")]
    heapq.heapify(heap)
    first = heapq.heappop(heap)
    pos = bisect.bisect_left([1, 3, 5, 7], 5)
    pairs = list(itertools.combinations(range(4), 2))
    words = re.findall(r"[a-z]+", "one, two; three")
    data = json.loads(json.dumps({"k": [1, 2]}))
    ok = (counts["a"] == 5 and first.name == "a" and pos == 2 and len(pairs) == 6
          and words == ["one", "two", "three"] and data == {"k": [1, 2]})
    return 0 if ok else 1
