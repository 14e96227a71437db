# Crashes: the recursion stops at one element, so an empty list recurses forever (RecursionError).
class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        if len(nums) == 1:
            return [[], [nums[0]]]
        rest = self.subsets(nums[1:])
        return rest + [[nums[0]] + subset for subset in rest]
