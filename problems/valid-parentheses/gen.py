"""Many short bracket strings (valid, corrupted, unclosed, random) plus one deeply nested line.

`size` is about the total number of brackets; the nested line holds half of them, so
"repeatedly delete () [] {}" solutions need size/4 passes over it.
"""

OPEN, CLOSE = "([{", ")]}"


def valid(rng, pairs):
    out, stack = [], []
    while pairs or stack:
        if pairs and (not stack or rng.random() < 0.5):
            k = rng.randrange(3)
            out.append(OPEN[k])
            stack.append(k)
            pairs -= 1
        else:
            out.append(CLOSE[stack.pop()])
    return "".join(out)


def short_line(rng):
    s = valid(rng, rng.randint(1, 20))
    kind = rng.randrange(5)
    if kind == 0:  # one bracket replaced by another
        i = rng.randrange(len(s))
        return s[:i] + rng.choice([c for c in OPEN + CLOSE if c != s[i]]) + s[i + 1:]
    if kind == 1:  # one bracket removed
        i = rng.randrange(len(s))
        return s[:i] + s[i + 1:] or "("
    if kind == 2:  # random noise
        return "".join(rng.choice(OPEN + CLOSE) for _ in range(rng.randint(1, 40)))
    return s  # valid


def generate(rng, size):
    depth = max(size // 4, 1)
    kinds = [rng.randrange(3) for _ in range(depth)]
    deep = "".join(OPEN[k] for k in kinds) + "".join(CLOSE[k] for k in reversed(kinds))
    if rng.random() < 0.5:  # break it at the very end
        deep = deep[:-1] + CLOSE[(kinds[0] + 1) % 3]
    lines, total = [], len(deep)
    while total < size:
        lines.append(short_line(rng))
        total += len(lines[-1])
    lines.insert(rng.randrange(len(lines) + 1), deep)
    return {"input": f"{len(lines)}\n" + "\n".join(lines) + "\n"}
