# Crashes: __getstate__ deletes the lock from self.__dict__ itself (no copy), breaking the original.
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
        state = self.__dict__
        del state["lock"]
        state.pop("_total", None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.lock = threading.Lock()
        self._total = None
