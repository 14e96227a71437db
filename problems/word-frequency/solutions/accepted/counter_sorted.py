# Reference: one regex pass, a Counter, a sort by (-count, word); defaultdict(list) for the groups.
import re
from collections import Counter, defaultdict

WORD = re.compile(r"[a-z]+")


def count_words(text):
    return Counter(WORD.findall(text.lower()))


def top_words(text, k):
    counts = count_words(text)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]


def group_by_count(text):
    groups = defaultdict(list)
    for word, count in sorted(count_words(text).items()):
        groups[count].append(word)
    return dict(groups)
