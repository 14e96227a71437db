# The standard library already does it: itertools.permutations yields every ordering as a tuple.
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        return [list(p) for p in permutations(nums)]
