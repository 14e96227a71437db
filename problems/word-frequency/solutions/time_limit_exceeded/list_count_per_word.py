# Too slow: calls words.count(w) for every distinct word, O(words * distinct words).
import re


def _counts(text):
    words = re.findall(r"[a-z]+", text.lower())
    return {w: words.count(w) for w in set(words)}


def top_words(text, k):
    return sorted(_counts(text).items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def group_by_count(text):
    groups = {}
    for word, count in sorted(_counts(text).items()):
        groups.setdefault(count, []).append(word)
    return groups
