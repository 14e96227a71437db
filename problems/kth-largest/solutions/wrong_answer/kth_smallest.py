# Wrong: sorts ascending and takes index k - 1, which is the k-th smallest, not the k-th largest.
class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        nums.sort()
        return nums[k - 1]
