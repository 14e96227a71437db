# Crashes: get() pops the key to re-insert it as most recent, but a missing key raises KeyError.
class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.items = {}  # dicts keep insertion order: least recent first

    def get(self, key: int) -> int:
        value = self.items.pop(key)
        self.items[key] = value
        return value

    def put(self, key: int, value: int) -> None:
        self.items.pop(key, None)
        self.items[key] = value
        if len(self.items) > self.capacity:
            del self.items[next(iter(self.items))]
