# Simplest: sort from the largest and index. O(n log n), fast enough in C.
class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return sorted(nums, reverse=True)[k - 1]
