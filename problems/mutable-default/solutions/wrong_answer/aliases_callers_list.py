# Wrong: stores the caller's list itself, so removing from the basket changes the caller's list.
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
        self.items = items if items is not None else []

    def add(self, item):
        self.items.append(item)

    def remove(self, item):
        self.items.remove(item)

    def copy(self):
        return Basket(self.owner, list(self.items))
