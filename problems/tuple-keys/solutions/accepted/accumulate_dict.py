# Positions from itertools.accumulate; a dict maps each (x, y) tuple to the move that first reached it.
from itertools import accumulate


class Solution:
    def walkStats(self, moves: List[List[int]]) -> List[int]:
        first_visit = {(0, 0): -1}
        positions = accumulate(map(tuple, moves), lambda p, d: (p[0] + d[0], p[1] + d[1]),
                               initial=(0, 0))
        next(positions)  # the start cell is already recorded
        repeats = []
        for i, cell in enumerate(positions):
            if first_visit.setdefault(cell, i) != i:
                repeats.append(i)
        return [len(first_visit), repeats[0] if repeats else -1]
