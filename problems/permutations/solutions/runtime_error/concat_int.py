# Crashes: `path + nums[i]` concatenates an int to a list (TypeError); it needed `path + [nums[i]]`.
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        result = []

        def extend(path, rest):
            if not rest:
                result.append(path)
                return
            for i in range(len(rest)):
                extend(path + rest[i], rest[:i] + rest[i + 1:])

        extend([], nums)
        return result
