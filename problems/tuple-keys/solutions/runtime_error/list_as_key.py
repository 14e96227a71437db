# Crashes: stores the position as a list [x, y] in a set -> TypeError: unhashable type: 'list'.
class Solution:
    def walkStats(self, moves: List[List[int]]) -> List[int]:
        pos = [0, 0]
        seen = set()
        seen.add(list(pos))
        first_repeat = -1
        for i, (dx, dy) in enumerate(moves):
            pos[0] += dx
            pos[1] += dy
            if pos in seen and first_repeat == -1:
                first_repeat = i
            seen.add(list(pos))
        return [len(seen), first_repeat]
