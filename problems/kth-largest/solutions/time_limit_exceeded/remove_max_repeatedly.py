# Too slow: removes the maximum k - 1 times, each max() + remove() a full pass: O(n * k).
class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        for _ in range(k - 1):
            nums.remove(max(nums))
        return max(nums)
