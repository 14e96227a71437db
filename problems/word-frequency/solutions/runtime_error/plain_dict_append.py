# Crashes: groups with a plain dict and appends to groups[count] before the key exists -> KeyError.
import re
from collections import Counter


def top_words(text, k):
    counts = Counter(re.findall(r"[a-z]+", text.lower()))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def group_by_count(text):
    groups = {}
    for word, count in sorted(Counter(re.findall(r"[a-z]+", text.lower())).items()):
        groups[count].append(word)
    return groups
