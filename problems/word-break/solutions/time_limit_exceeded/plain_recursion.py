# Too slow: tries every dictionary prefix and recurses on the rest without memoization;
# "aaa...ab" has exponentially many cuts to try before the answer is False.
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)

        def can(start):
            if start == len(s):
                return True
            for end in range(start + 1, len(s) + 1):
                if s[start:end] in words and can(end):
                    return True
            return False

        return can(0)
