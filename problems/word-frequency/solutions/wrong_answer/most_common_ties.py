# Wrong: Counter.most_common(k) breaks ties by first occurrence in the text, not alphabetically.
import re
from collections import Counter, defaultdict


def top_words(text, k):
    return Counter(re.findall(r"[a-z]+", text.lower())).most_common(k)


def group_by_count(text):
    groups = defaultdict(list)
    for word, count in sorted(Counter(re.findall(r"[a-z]+", text.lower())).items()):
        groups[count].append(word)
    return dict(groups)
