# Too slow: keeps the visited cells in a list, so every `in` check scans all of them, O(n^2).
class Solution:
    def walkStats(self, moves: List[List[int]]) -> List[int]:
        x = y = 0
        visited = [(0, 0)]
        first_repeat = -1
        for i, (dx, dy) in enumerate(moves):
            x, y = x + dx, y + dy
            if (x, y) in visited:
                if first_repeat == -1:
                    first_repeat = i
            else:
                visited.append((x, y))
        return [len(visited), first_repeat]
