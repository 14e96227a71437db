# Keys each string by its 26 letter counts (a tuple), so no sorting: O(n * (L + 26)).
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = {}
        for s in strs:
            counts = [0] * 26
            for c in s:
                counts[ord(c) - ord("a")] += 1
            groups.setdefault(tuple(counts), []).append(s)
        return list(groups.values())
