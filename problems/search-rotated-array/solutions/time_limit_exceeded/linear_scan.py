# Too slow: a linear search per query (in, then index), O(n) each: O(n * q) for q queries.
class Solution:
    def search(self, nums: List[int], targets: List[int]) -> List[int]:
        return [nums.index(t) if t in nums else -1 for t in targets]
