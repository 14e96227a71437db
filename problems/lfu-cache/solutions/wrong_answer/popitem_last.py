# Wrong: bucket.popitem() defaults to last=True, evicting the MOST recently used of the rarest keys.
class LFUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.values = {}
        self.counts = {}
        self.buckets = defaultdict(OrderedDict)
        self.min_count = 0

    def _use(self, key: int) -> None:
        count = self.counts[key]
        bucket = self.buckets[count]
        del bucket[key]
        if not bucket:
            del self.buckets[count]
            if self.min_count == count:
                self.min_count = count + 1
        self.counts[key] = count + 1
        self.buckets[count + 1][key] = None

    def get(self, key: int) -> int:
        if key not in self.values:
            return -1
        self._use(key)
        return self.values[key]

    def put(self, key: int, value: int) -> None:
        if key in self.values:
            self.values[key] = value
            self._use(key)
            return
        if len(self.values) == self.capacity:
            bucket = self.buckets[self.min_count]
            old, _ = bucket.popitem()
            if not bucket:
                del self.buckets[self.min_count]
            del self.values[old], self.counts[old]
        self.values[key] = value
        self.counts[key] = 1
        self.buckets[1][key] = None
        self.min_count = 1
