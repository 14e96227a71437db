# Too much memory: tabulates the sum of every pair first, O(n^2) entries in a dict.
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        sums = {}
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                sums.setdefault(nums[i] + nums[j], (i, j))
        return list(sums[target])
