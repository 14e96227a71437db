"""A list of `size` nodes with values from a small range (so many repeat). With probability 3/4
the tail links back to a random node, a third of the time one of the last few."""


def generate(rng, size):
    nodes = [ListNode(rng.randint(-50, 50)) for _ in range(size)]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    r = rng.random()
    if size and r < 0.25:
        nodes[-1].next = nodes[rng.randrange(max(size - 5, 0), size)]
    elif size and r < 0.75:
        nodes[-1].next = nodes[rng.randrange(size)]
    return {"args": [nodes[0] if nodes else None]}
