# Reference: backtracking with a `used` flag per position; copies the path at each full length.
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        result = []
        path = []
        used = [False] * len(nums)

        def extend():
            if len(path) == len(nums):
                result.append(path[:])
                return
            for i, x in enumerate(nums):
                if not used[i]:
                    used[i] = True
                    path.append(x)
                    extend()
                    path.pop()
                    used[i] = False

        extend()
        return result
