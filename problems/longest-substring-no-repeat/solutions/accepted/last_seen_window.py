# Reference: sliding window; on a repeat jump the start past the previous occurrence, but never
# backwards (the previous occurrence may already be outside the window). O(n).
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        start = best = 0
        for i, c in enumerate(s):
            if last.get(c, -1) >= start:
                start = last[c] + 1
            last[c] = i
            best = max(best, i - start + 1)
        return best
