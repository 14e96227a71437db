# No sorting of nums: for each first value, a set of values seen so far finds the complement;
# a dict keyed by the sorted triplet drops duplicates and keeps the triplet as it was found
# (so its values come in discovery order, not sorted). O(n^2) expected time.
class Solution:
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        found = {}
        firsts = set()
        for i, a in enumerate(nums):
            if a in firsts:
                continue
            firsts.add(a)
            seen = set()
            for b in nums[i + 1:]:
                c = -a - b
                if c in seen:
                    found.setdefault(tuple(sorted((a, b, c))), [a, b, c])
                seen.add(b)
        return list(found.values())
