# Wrong: `tags=[]` is created once, when `def` runs, so every call without tags shares one list.
def add_tag(tag, tags=[]):
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
        return Basket(self.owner, self.items)
