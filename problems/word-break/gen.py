"""Word Break instances of length `size` over the alphabet {a, b}.

The dictionary holds 8-15 distinct words of length 3-10 made of a and b (sometimes also one
of a, b, ab, ba), so words overlap and are prefixes of each other and many positions admit
several cuts. Half of the strings are a
concatenation of dictionary words (True); the other half get one letter flipped (a <-> b) near
the end, which often makes the segmentation impossible (False).
"""


def generate(rng, size):
    words = set()
    target = rng.randint(8, 15)
    while len(words) < target:
        length = rng.randint(3, 10)
        words.add("".join(rng.choice("ab") for _ in range(length)))
    if rng.random() < 0.5:
        words.add(rng.choice(["a", "b", "ab", "ba"]))
    wordlist = sorted(words)
    pieces, total = [], 0
    while total < size:
        w = rng.choice(wordlist)
        pieces.append(w)
        total += len(w)
    s = "".join(pieces)
    if rng.random() < 0.5:
        i = len(s) - rng.randint(1, 5)
        s = s[:i] + ("b" if s[i] == "a" else "a") + s[i + 1:]
    rng.shuffle(wordlist)
    return {"args": [s, wordlist]}
