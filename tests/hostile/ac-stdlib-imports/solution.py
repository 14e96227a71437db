# Imports that read the Python installation (allowed by Landlock), used for real.
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
    return [counts["a"], first.name, pos, len(pairs), words, data]
