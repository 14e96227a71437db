# Crashes: seeds the tails with nums[0], which raises IndexError on an empty list.
class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        tails = [nums[0]]
        for x in nums[1:]:
            if x > tails[-1]:
                tails.append(x)
            else:
                tails[bisect_left(tails, x)] = x
        return len(tails)
