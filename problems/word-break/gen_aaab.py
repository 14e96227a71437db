"""The classic worst case for trying every cut: "aaa...ab" (`size` letters) with the words
"a", "aa", ..., "a" * 20. No segmentation exists (nothing ends in b), and every prefix of a's
splits in exponentially many ways."""


def generate(rng, size):
    words = ["a" * k for k in range(1, 21)]
    rng.shuffle(words)
    return {"args": ["a" * (size - 1) + "b", words]}
