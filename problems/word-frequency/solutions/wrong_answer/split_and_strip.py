# Wrong: splits on whitespace and strips punctuation at the ends, so "don't" and "a-b" stay one word.
import string
from collections import Counter, defaultdict


def _words(text):
    for token in text.lower().split():
        token = token.strip(string.punctuation + string.digits)
        if token:
            yield token


def top_words(text, k):
    counts = Counter(_words(text))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def group_by_count(text):
    groups = defaultdict(list)
    for word, count in sorted(Counter(_words(text)).items()):
        groups[count].append(word)
    return dict(groups)
