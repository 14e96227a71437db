# Wrong: appends the shared `path` list itself, not a copy; after backtracking every entry is [].
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        result = []
        path = []

        def extend():
            if len(path) == len(nums):
                result.append(path)
                return
            for x in nums:
                if x not in path:
                    path.append(x)
                    extend()
                    path.pop()

        extend()
        return result
