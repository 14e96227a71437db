# Wrong: copy.copy(self) makes a new Basket whose `items` is the very same list as the original's.
import copy


def add_tag(tag, tags=None):
    if tags is None:
        tags = []
    tags.append(tag)
    return tags


def unique(items):
    return list(dict.fromkeys(items))


class Basket:
    def __init__(self, owner, items=None):
        self.owner = owner
        self.items = [] if items is None else list(items)

    def add(self, item):
        self.items.append(item)

    def remove(self, item):
        self.items.remove(item)

    def copy(self):
        return copy.copy(self)
