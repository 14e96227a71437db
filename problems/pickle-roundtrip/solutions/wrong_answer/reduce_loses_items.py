# Wrong: __reduce__ passes only the constructor argument, so the unpickled copy has no items.
import threading


class Inventory:
    def __init__(self, name):
        self.name = name
        self.items = {}
        self.lock = threading.Lock()
        self._total = None

    def add(self, item, qty=1):
        with self.lock:
            self.items[item] = self.items.get(item, 0) + qty
            self._total = None

    def remove(self, item, qty=1):
        with self.lock:
            have = self.items[item]
            if qty > have:
                raise ValueError(f"only {have} {item} in stock")
            if qty == have:
                del self.items[item]
            else:
                self.items[item] = have - qty
            self._total = None

    def total(self):
        if self._total is None:
            self._total = sum(self.items.values())
        return self._total


    def __reduce__(self):
        return (Inventory, (self.name,))

    def __getstate__(self):
        return {"name": self.name, "items": self.items}
