# Wrong: start = seen[c] + 1 without max(), so an old occurrence moves the window start back ("abba" -> 3).
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        seen = {}
        start = best = 0
        for i, c in enumerate(s):
            if c in seen:
                start = seen[c] + 1
            seen[c] = i
            best = max(best, i - start + 1)
        return best
