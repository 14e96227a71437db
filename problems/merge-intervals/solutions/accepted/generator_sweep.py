# A generator over the sorted intervals, yielding each merged run when a gap appears.
class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        return list(self._runs(sorted(map(tuple, intervals))))

    @staticmethod
    def _runs(ordered):
        it = iter(ordered)
        for lo, hi in it:
            break
        else:
            return
        for start, end in it:
            if start > hi:
                yield [lo, hi]
                lo, hi = start, end
            elif end > hi:
                hi = end
        yield [lo, hi]
