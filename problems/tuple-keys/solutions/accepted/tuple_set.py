# Reference: a set of (x, y) tuples; tuples of ints are hashable, so each lookup is O(1) on average.
class Solution:
    def walkStats(self, moves: List[List[int]]) -> List[int]:
        x = y = 0
        seen = {(x, y)}
        first_repeat = -1
        for i, (dx, dy) in enumerate(moves):
            x, y = x + dx, y + dy
            if (x, y) in seen:
                if first_repeat == -1:
                    first_repeat = i
            else:
                seen.add((x, y))
        return [len(seen), first_repeat]
