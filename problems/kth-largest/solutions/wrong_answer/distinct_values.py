# Wrong: removes duplicates first (set), so equal values are counted once: [3, 3, 1], k = 2 gives 1.
class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return sorted(set(nums), reverse=True)[k - 1]
