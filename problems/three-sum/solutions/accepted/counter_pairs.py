# Reference: count the values, then for each negative a and positive c look the middle value
# b = -a - c up in the Counter (a <= b <= c, so each triplet is found once). O(d^2) dict lookups,
# d = number of distinct values, and c is limited to the range where a <= b <= c can hold.
class Solution:
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        count = Counter(nums)
        result = [[0, 0, 0]] if count[0] >= 3 else []
        negatives = sorted(x for x in count if x < 0)
        positives = sorted(x for x in count if x > 0)
        for a in negatives:
            # b = -a - c must satisfy a <= b <= c, i.e. -a / 2 <= c <= -2 * a
            lo = bisect_left(positives, -a / 2)
            hi = bisect_right(positives, -2 * a)
            for c in positives[lo:hi]:
                b = -a - c
                if b in count and (a < b < c or (b == a or b == c) and count[b] >= 2):
                    result.append([a, b, c])
        return result
