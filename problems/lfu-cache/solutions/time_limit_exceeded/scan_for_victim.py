# Too slow: finds the victim with min() over all cached keys, O(capacity) per eviction.
class LFUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.values = {}
        self.counts = {}
        self.last_used = {}
        self.clock = 0

    def _use(self, key: int) -> None:
        self.clock += 1
        self.counts[key] = self.counts.get(key, 0) + 1
        self.last_used[key] = self.clock

    def get(self, key: int) -> int:
        if key not in self.values:
            return -1
        self._use(key)
        return self.values[key]

    def put(self, key: int, value: int) -> None:
        if key not in self.values and len(self.values) == self.capacity:
            victim = min(self.values, key=lambda k: (self.counts[k], self.last_used[k]))
            del self.values[victim], self.counts[victim], self.last_used[victim]
        self.values[key] = value
        self._use(key)
