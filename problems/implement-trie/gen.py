"""`size` operations on words of 1-10 letters from "abcdef" (so many words share prefixes).
The first half are mostly inserts of random words, mixed with a few queries; the second half are
queries: search for inserted words, for prefixes of inserted words (true only if inserted too)
and for random words; startsWith for prefixes of inserted words and for random strings (mostly
false once they are a few letters long)."""

LETTERS = "abcdef"


def word(rng, lo=1, hi=10):
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(lo, hi)))


def generate(rng, size):
    ops, args, words = ["Trie"], [[]], []
    for i in range(size):
        r = rng.random()
        if i < size // 2 and r < 0.95 or not words:
            w = word(rng)
            words.append(w)
            ops.append("insert")
            args.append([w])
            continue
        r = rng.random()
        w = rng.choice(words)
        if r < 0.15:
            op, arg = "search", w
        elif r < 0.25:
            op, arg = "search", w[:rng.randint(1, len(w))]
        elif r < 0.3:
            op, arg = "search", word(rng)
        elif r < 0.45:
            op, arg = "startsWith", w[:rng.randint(1, len(w))]
        else:
            op, arg = "startsWith", word(rng, 6, 12)
        ops.append(op)
        args.append([arg])
    return {"ops": ops, "args": args}
