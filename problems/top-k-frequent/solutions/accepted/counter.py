# Reference: Counter.most_common(k), which uses a heap of size k. O(n + d log k).
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        return [value for value, _ in Counter(nums).most_common(k)]
