# The classic one-pass search per target: one half of [lo, hi] is always sorted; go into it if the
# target lies in its range, else into the other half. O(log n) per query, in pure Python.
class Solution:
    def search(self, nums: List[int], targets: List[int]) -> List[int]:
        return [self.find(nums, t) for t in targets]

    @staticmethod
    def find(nums, target):
        lo, hi = 0, len(nums) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if nums[mid] == target:
                return mid
            if nums[lo] <= nums[mid]:  # left half sorted
                if nums[lo] <= target < nums[mid]:
                    hi = mid - 1
                else:
                    lo = mid + 1
            else:  # right half sorted
                if nums[mid] < target <= nums[hi]:
                    lo = mid + 1
                else:
                    hi = mid - 1
        return -1
