# Wrong: packs the cell as x * 10**6 + y, which collides once |y| reaches 10**6 (e.g. (1, -10**6) -> 0).
class Solution:
    def walkStats(self, moves: List[List[int]]) -> List[int]:
        x = y = 0
        seen = {0}
        first_repeat = -1
        for i, (dx, dy) in enumerate(moves):
            x += dx
            y += dy
            key = x * 10**6 + y
            if key in seen and first_repeat == -1:
                first_repeat = i
            seen.add(key)
        return [len(seen), first_repeat]
