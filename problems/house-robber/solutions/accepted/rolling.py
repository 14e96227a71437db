# Reference: for each house, the best total either skips it or takes it plus the best two back. O(1) space.
class Solution:
    def rob(self, nums: List[int]) -> int:
        without_prev, with_prev = 0, 0  # best totals up to two houses back, and up to the previous one
        for x in nums:
            without_prev, with_prev = with_prev, max(with_prev, without_prev + x)
        return with_prev
