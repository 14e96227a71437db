# Swap-based: fix position k by swapping each later element into it, recurse, then swap back.
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        nums = list(nums)
        result = []

        def fix(k):
            if k == len(nums):
                result.append(nums.copy())
                return
            for i in range(k, len(nums)):
                nums[k], nums[i] = nums[i], nums[k]
                fix(k + 1)
                nums[k], nums[i] = nums[i], nums[k]

        fix(0)
        return result
