"""Random MinStack operation sequences.

`size` is the number of operations. The first half are pushes that build a deep stack: runs of
decreasing values (many new minimums), copies of the current minimum, and random values. The
rest mixes push (30%), pop (25%), top (5%) and getMin (40%), so the stack stays about size / 2
deep while getMin is called often: a solution that scans the stack in getMin does about
size^2 / 10 comparisons. Small sizes draw values from a tiny range (many duplicates).
"""

LO, HI = -2**31, 2**31 - 1


def generate(rng, size):
    n = max(size, 2)
    small = n <= 1000
    lo, hi = (-5, 5) if small else (LO, HI)
    ops, args = ["MinStack"], [[]]
    stack_min = []  # running minimums, only used to push copies of the current minimum

    def push(val):
        ops.append("push")
        args.append([val])
        stack_min.append(min(val, stack_min[-1]) if stack_min else val)

    build = n // 2
    while len(ops) <= build:
        r = rng.random()
        if r < 0.15 and stack_min:  # a run of new minimums
            val = stack_min[-1]
            for _ in range(rng.randint(1, 5)):
                val = max(lo, val - rng.randint(0, 3 if small else 1000))
                push(val)
        elif r < 0.30 and stack_min:  # a copy of the current minimum
            push(stack_min[-1])
        else:
            push(rng.randint(lo, hi))
    while len(ops) < n:
        r = rng.random()
        if not stack_min or r < 0.30:
            push(stack_min[-1] if stack_min and rng.random() < 0.2 else rng.randint(lo, hi))
        elif r < 0.55:
            ops.append("pop")
            args.append([])
            stack_min.pop()
        elif r < 0.60:
            ops.append("top")
            args.append([])
        else:
            ops.append("getMin")
            args.append([])
    return {"ops": ops[:n], "args": args[:n]}
