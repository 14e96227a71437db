# Wrong: swaps each element into position k but never swaps it back, so later branches start from
# a scrambled list and some permutations come out twice while others never appear.
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        nums = list(nums)
        result = []

        def fix(k):
            if k == len(nums):
                result.append(nums[:])
                return
            for i in range(k, len(nums)):
                nums[k], nums[i] = nums[i], nums[k]
                fix(k + 1)

        fix(0)
        return result
