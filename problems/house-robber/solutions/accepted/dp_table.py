# Tabulated DP: best[i] is the most money from the first i houses. O(n) time and space.
class Solution:
    def rob(self, nums: List[int]) -> int:
        best = [0] * (len(nums) + 1)
        best[1] = nums[0]
        for i in range(2, len(nums) + 1):
            best[i] = max(best[i - 1], best[i - 2] + nums[i - 1])
        return best[-1]
