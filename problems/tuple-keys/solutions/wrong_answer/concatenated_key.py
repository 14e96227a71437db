# Wrong: str(x) + str(y) has no separator, so (1, 12) and (11, 2) both become "112".
class Solution:
    def walkStats(self, moves: List[List[int]]) -> List[int]:
        x = y = 0
        seen = {str(x) + str(y)}
        first_repeat = -1
        for i, (dx, dy) in enumerate(moves):
            x += dx
            y += dy
            key = str(x) + str(y)
            if key in seen and first_repeat == -1:
                first_repeat = i
            seen.add(key)
        return [len(seen), first_repeat]
