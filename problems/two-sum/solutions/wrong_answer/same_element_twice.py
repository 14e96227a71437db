# Wrong: fills the dict first, then may pair an element with itself (x == target / 2 gives [i, i]).
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        index = {x: i for i, x in enumerate(nums)}
        for i, x in enumerate(nums):
            if target - x in index:
                return [i, index[target - x]]
        return []
