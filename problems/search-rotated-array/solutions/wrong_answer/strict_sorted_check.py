# Wrong: tests the left half with nums[lo] < nums[mid]; when lo == mid (two elements left) the
# one-element left half looks unsorted, so the wrong half is chosen: [3, 1] never finds 1.
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
            if nums[lo] < nums[mid]:
                if nums[lo] <= target < nums[mid]:
                    hi = mid - 1
                else:
                    lo = mid + 1
            else:
                if nums[mid] < target <= nums[hi]:
                    lo = mid + 1
                else:
                    hi = mid - 1
        return -1
