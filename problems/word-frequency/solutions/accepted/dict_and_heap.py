# A plain dict with get() for counting, heapq.nsmallest for the top k, setdefault for the groups.
import heapq
import re


def _counts(text):
    counts = {}
    for word in re.findall("[a-z]+", text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(text, k):
    return heapq.nsmallest(k, _counts(text).items(), key=lambda wc: (-wc[1], wc[0]))


def group_by_count(text):
    groups = {}
    for word, count in _counts(text).items():
        groups.setdefault(count, []).append(word)
    for words in groups.values():
        words.sort()
    return groups
