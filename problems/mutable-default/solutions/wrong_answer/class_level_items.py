# Wrong: `items` is a class attribute, so every basket appends to the one list on the class.
def add_tag(tag, tags=None):
    if tags is None:
        tags = []
    tags.append(tag)
    return tags


def unique(items):
    return list(dict.fromkeys(items))


class Basket:
    items = []

    def __init__(self, owner, items=None):
        self.owner = owner
        if items:
            self.items.extend(items)

    def add(self, item):
        self.items.append(item)

    def remove(self, item):
        self.items.remove(item)

    def copy(self):
        return Basket(self.owner, self.items)
