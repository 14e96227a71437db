# A max-heap of (-value, index); entries that slid out of the window are dropped lazily
# when they reach the top. O(n log n).
class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        heap = [(-x, i) for i, x in enumerate(nums[:k])]
        heapify(heap)
        result = [-heap[0][0]]
        for i in range(k, len(nums)):
            heappush(heap, (-nums[i], i))
            while heap[0][1] <= i - k:
                heappop(heap)
            result.append(-heap[0][0])
        return result
