# Counts with a dict, then heapq.nlargest keyed by the count. O(n + d log k).
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = {}
        for x in nums:
            counts[x] = counts.get(x, 0) + 1
        return heapq.nlargest(k, counts, key=counts.get)
