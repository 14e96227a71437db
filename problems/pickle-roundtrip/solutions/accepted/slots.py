# __slots__ class: __setstate__ goes through __init__ for the lock and cache, then loads the items.
from threading import Lock


class Inventory:
    __slots__ = ("name", "items", "lock", "_cached_total")

    def __init__(self, name):
        self.name = name
        self.items = {}
        self.lock = Lock()
        self._cached_total = None

    def add(self, item, qty=1):
        with self.lock:
            self.items[item] = self.items.get(item, 0) + qty
            self._cached_total = None

    def remove(self, item, qty=1):
        with self.lock:
            left = self.items[item] - qty
            if left < 0:
                raise ValueError("not enough stock")
            if left:
                self.items[item] = left
            else:
                del self.items[item]
            self._cached_total = None

    def total(self):
        if self._cached_total is None:
            self._cached_total = sum(self.items.values())
        return self._cached_total

    def __getstate__(self):
        return {"name": self.name, "items": dict(self.items)}

    def __setstate__(self, state):
        self.__init__(state["name"])
        self.items.update(state["items"])
