# Bitmask: the subsets of n elements are the numbers 0 .. 2^n - 1; bit i says whether nums[i] is in.
class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        nums = sorted(nums, reverse=True)  # any order inside a subset is accepted
        n = len(nums)
        return [[nums[i] for i in range(n) if mask >> i & 1] for mask in range(1 << n)]
