"""A linked list of `size` random values (with repeats) in [-5000, 5000]."""


def generate(rng, size):
    head = None
    for _ in range(size):
        head = ListNode(rng.randint(-5000, 5000), head)
    return {"args": [head]}
