# Wrong: keeps a min-heap of size k but pops once it *reaches* k (>= instead of >): k - 1 values.
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        heap = []
        for value, count in Counter(nums).items():
            heapq.heappush(heap, (count, value))
            if len(heap) >= k:
                heapq.heappop(heap)
        return [value for _, value in heap]
