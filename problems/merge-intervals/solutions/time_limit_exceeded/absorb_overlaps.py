# Too slow: for each interval, scans every merged interval so far to absorb overlaps, O(n * answer).
class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        result = []
        for start, end in intervals:
            i = 0
            while i < len(result):
                lo, hi = result[i]
                if lo <= end and start <= hi:
                    start, end = min(lo, start), max(hi, end)
                    result.pop(i)
                else:
                    i += 1
            result.append([start, end])
        return result
