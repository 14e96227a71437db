# Too slow: slices and scans every window with max(), O(n * k); ~2.5 * 10^9 steps for k = n / 2.
class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
