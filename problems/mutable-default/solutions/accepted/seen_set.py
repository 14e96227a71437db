# Alternative: an explicit seen-set loop, a sentinel object for "no list given", copy via slicing.
_NO_TAGS = object()


def add_tag(tag, tags=_NO_TAGS):
    result = [] if tags is _NO_TAGS or tags is None else tags
    result.append(tag)
    return result


def unique(items):
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


class Basket:
    def __init__(self, owner, items=None):
        self.owner = owner
        self.items = list(items or ())

    def add(self, item):
        self.items.append(item)

    def remove(self, item):
        self.items.remove(item)

    def copy(self):
        clone = Basket(self.owner)
        clone.items = self.items[:]
        return clone
