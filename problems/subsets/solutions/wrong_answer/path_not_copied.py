# Wrong: appends the shared `path` list itself, not a copy; after backtracking every entry is [].
class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        result = []
        path = []

        def extend(start):
            result.append(path)
            for i in range(start, len(nums)):
                path.append(nums[i])
                extend(i + 1)
                path.pop()

        extend(0)
        return result
