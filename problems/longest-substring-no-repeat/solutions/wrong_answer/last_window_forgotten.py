# Wrong: only measures a window when a repeat ends it, so the final window is never counted ("abc" -> 0).
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        seen = {}
        start = best = 0
        for i, c in enumerate(s):
            if seen.get(c, -1) >= start:
                best = max(best, i - start)
                start = seen[c] + 1
            seen[c] = i
        return best
