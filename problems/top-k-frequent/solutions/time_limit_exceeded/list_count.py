# Too slow: nums.count(x) for every distinct x is a full pass each, O(n * distinct values).
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = {x: nums.count(x) for x in set(nums)}
        return sorted(counts, key=counts.get, reverse=True)[:k]
