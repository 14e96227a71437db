"""A long text built at run time from a seeded random.Random: a vocabulary of random lowercase
words with Zipf-like weights (so the counts have long runs of ties), each occurrence written
as word, Word, or WORD followed by a space, comma, full stop, digit, dash or line break.

`size` is the number of words of the text; the vocabulary has size / 8 words. The code keeps
the answers small: the top 10 and the tail of a top-k cut inside a long run of ties, and a digest
of the groups.
"""


def generate(rng, size):
    seed = rng.randrange(10**9)
    vocab = max(size // 8, 5)
    cut = rng.randrange(vocab // 4, vocab // 2)
    code = f"""\
import random
rng = random.Random({seed})
letters = "abcdefghijklmnopqrstuvwxyz"
vocab = list(dict.fromkeys("".join(rng.choices(letters, k=rng.randint(1, 8))) for _ in range({vocab})))
seps = [" ", " ", " ", ", ", ". ", "\\n", "-", "7", "'"]
forms = [form for w in vocab for form in (w + " ", w.title() + rng.choice(seps), w.upper() + rng.choice(seps))]
weights = [1000 // (i // 3 + 1) + 1 for i in range(len(vocab)) for _ in range(3)]
text = "".join(rng.choices(forms, weights, k={size}))
groups = group_by_count(text)
top = top_words(text, {cut})
result = (top[:10], len(top), top[-10:],
          sorted((count, len(words), words[0], words[-1]) for count, words in groups.items())[:60])
"""
    return {"code": code}
