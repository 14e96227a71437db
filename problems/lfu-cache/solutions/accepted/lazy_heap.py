# A heap of (count, last use, key) with lazy deletion: stale entries are skipped when evicting.
class LFUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries = {}  # key -> [value, count, last use]
        self.heap = []
        self.clock = 0

    def _use(self, key: int) -> None:
        self.clock += 1
        entry = self.entries[key]
        entry[1] += 1
        entry[2] = self.clock
        heappush(self.heap, (entry[1], self.clock, key))

    def get(self, key: int) -> int:
        if key not in self.entries:
            return -1
        self._use(key)
        return self.entries[key][0]

    def put(self, key: int, value: int) -> None:
        if key in self.entries:
            self.entries[key][0] = value
            self._use(key)
            return
        if len(self.entries) == self.capacity:
            while True:
                count, used, old = heappop(self.heap)
                entry = self.entries.get(old)
                if entry is not None and entry[1] == count and entry[2] == used:
                    del self.entries[old]
                    break
        if len(self.heap) > 4 * self.capacity + 64:  # drop stale entries now and then
            self.heap = [(c, u, k) for k, (_, c, u) in self.entries.items()]
            heapify(self.heap)
        self.clock += 1
        self.entries[key] = [value, 1, self.clock]
        heappush(self.heap, (1, self.clock, key))
