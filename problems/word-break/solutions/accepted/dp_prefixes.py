# Reference: ok[i] says whether s[:i] splits into words; only the dictionary's word lengths need
# checking at each i. O(len(s) * distinct lengths) slices and set lookups.
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)
        lengths = sorted({len(w) for w in words})
        ok = [True] + [False] * len(s)
        for i in range(1, len(s) + 1):
            for length in lengths:
                if length > i:
                    break
                if ok[i - length] and s[i - length:i] in words:
                    ok[i] = True
                    break
        return ok[-1]
