# Crashes: __setstate__ restores the data but forgets to create a new lock -> AttributeError on use.
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


    def __getstate__(self):
        return {"name": self.name, "items": self.items}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._total = None
