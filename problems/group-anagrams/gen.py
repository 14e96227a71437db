"""`size` strings of 1-10 lowercase letters in about size / 2 anagram groups.

Each group is a random multiset of letters from a small alphabet (so letters repeat); every
member is a shuffle of it. About a third of the groups get a "twin" group with the same set of
letters but different counts (e.g. "aab" and "abb"), which a set-of-letters key merges. A few
strings are repeated exactly, and the list is shuffled.
"""

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def shuffled(rng, letters):
    letters = list(letters)
    rng.shuffle(letters)
    return "".join(letters)


def generate(rng, size):
    n = max(size, 1)
    keys = []
    while len(keys) < max(n // 2, 1):
        k = rng.randint(1, 10)
        pool = rng.sample(ALPHABET, rng.randint(1, min(k, 6)))
        key = [rng.choice(pool) for _ in range(k)]
        keys.append(key)
        if len(set(key)) < len(key) and rng.random() < 0.35:  # same letters, other counts
            twin = key[:]
            i = rng.randrange(len(twin))
            twin[i] = rng.choice([c for c in set(key) if c != twin[i]] or [twin[i]])
            keys.append(twin)
    strs = []
    while len(strs) < n:
        key = rng.choice(keys)
        strs.append(shuffled(rng, key))
        if rng.random() < 0.02:
            strs.append(strs[-1])
    strs = strs[:n]
    rng.shuffle(strs)
    return {"args": [strs]}
