# Wrong: assumes the answer is every other house, even or odd positions; [2, 1, 1, 2] gives 3, not 4.
class Solution:
    def rob(self, nums: List[int]) -> int:
        return max(sum(nums[::2]), sum(nums[1::2]))
