# Crashes: two pointers start with hi = len(nums) instead of len(nums) - 1 -> IndexError.
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        order = sorted(range(len(nums)), key=lambda i: nums[i])
        lo, hi = 0, len(nums)
        while lo < hi:
            total = nums[order[lo]] + nums[order[hi]]
            if total == target:
                return [order[lo], order[hi]]
            if total < target:
                lo += 1
            else:
                hi -= 1
        return []
