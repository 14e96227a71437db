# Reference: tails[k] is the smallest possible last value of an increasing run of length k + 1;
# each value replaces the first tail >= it (bisect_left keeps runs strict). O(n log n).
class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        tails = []
        for x in nums:
            i = bisect_left(tails, x)
            if i == len(tails):
                tails.append(x)
            else:
                tails[i] = x
        return len(tails)
