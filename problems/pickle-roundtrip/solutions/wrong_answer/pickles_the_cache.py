# Wrong: __getstate__ drops only the lock, so the cached total is pickled along with the data.
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
        state = self.__dict__.copy()
        del state["lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.lock = threading.Lock()
