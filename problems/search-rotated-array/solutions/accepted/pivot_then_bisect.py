# Reference: binary search once for the rotation point (the minimum), then bisect each target in
# the sorted run that can hold it. O(log n) per query.
class Solution:
    def search(self, nums: List[int], targets: List[int]) -> List[int]:
        n = len(nums)
        lo, hi = 0, n - 1
        while lo < hi:  # nums[pivot:] and nums[:pivot] are both sorted
            mid = (lo + hi) // 2
            if nums[mid] > nums[hi]:
                lo = mid + 1
            else:
                hi = mid
        pivot = lo
        answer = []
        for t in targets:
            start, end = (0, pivot) if pivot and t >= nums[0] else (pivot, n)
            i = bisect_left(nums, t, start, end)
            answer.append(i if i < end and nums[i] == t else -1)
        return answer
