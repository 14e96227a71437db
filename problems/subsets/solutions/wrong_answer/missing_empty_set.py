# Wrong: combinations of size 1..n only; range(1, n + 1) forgets the empty subset.
class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        return [list(c) for r in range(1, len(nums) + 1) for c in combinations(nums, r)]
