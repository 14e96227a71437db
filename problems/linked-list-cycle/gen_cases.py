"""Hand-written lists with a cycle, one per `size` (the case number); the expected answer is `pos`.

These would be `!ListNode {values: [...], pos: k}` tests in problem.yaml, but the stable judge
drops `pos` from that form (the list arrives without its cycle), so they are built here instead.
"""

CASES = [
    ([3, 2, 0, -4], 1),                          # 0: example 1
    ([1, 2], 0),                                 # 1: example 2
    ([5], 0),                                    # 2: a single node linked to itself
    ([1, 2, 3, 4], 3),                           # 3: the tail links to itself
    ([1, 2, 3, 4, 5, 6], 0),                     # 4: the whole list is the cycle
    ([7, 7, 7, 7, 7], 2),                        # 5: all values equal
    ([3, 1, 3, 2, 3], 3),                        # 6: the value 3 repeats before the cycle starts
    ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 10),  # 7: long tail, short cycle
    ([-100000, 100000, -100000, 100000], 1),     # 8: extreme values, repeated
]


def generate(rng, size):
    values, pos = CASES[size]
    nodes = [ListNode(v) for v in values]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    nodes[-1].next = nodes[pos]
    return {"args": [nodes[0]]}
