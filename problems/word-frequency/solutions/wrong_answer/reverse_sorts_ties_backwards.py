# Wrong: sorts by (count, word) with reverse=True, so tied words come out in reverse alphabetical order.
import re
from collections import Counter, defaultdict


def top_words(text, k):
    counts = Counter(re.findall(r"[a-z]+", text.lower()))
    return sorted(counts.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)[:k]


def group_by_count(text):
    groups = defaultdict(list)
    for word, count in sorted(Counter(re.findall(r"[a-z]+", text.lower())).items()):
        groups[count].append(word)
    return dict(groups)
