# Not binary search, but also fine: the values are distinct, so a dict value -> index answers
# every query in O(1) after an O(n) pass.
class Solution:
    def search(self, nums: List[int], targets: List[int]) -> List[int]:
        where = {x: i for i, x in enumerate(nums)}
        return [where.get(t, -1) for t in targets]
