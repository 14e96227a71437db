# Crashes: memoized recursion goes one call deeper per word, RecursionError on a 10^4-letter string.
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)
        longest = max(map(len, words))

        @lru_cache(maxsize=None)
        def can(start):
            if start == len(s):
                return True
            return any(s[start:end] in words and can(end)
                       for end in range(start + 1, min(len(s), start + longest) + 1))

        return can(0)
