# Wrong: the base case best[1] = nums[1] forgets that the best of two houses may be the first one.
class Solution:
    def rob(self, nums: List[int]) -> int:
        if len(nums) == 1:
            return nums[0]
        best = [0] * len(nums)
        best[0], best[1] = nums[0], nums[1]
        for i in range(2, len(nums)):
            best[i] = max(best[i - 1], best[i - 2] + nums[i])
        return best[-1]
