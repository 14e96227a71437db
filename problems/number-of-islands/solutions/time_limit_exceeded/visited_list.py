# Too slow: keeps the visited cells in a list instead of a set, so each `in` check scans it:
# O((m * n)^2) on a large grid.
class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        visited = []
        islands = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != "1" or (r, c) in visited:
                    continue
                islands += 1
                visited.append((r, c))
                queue = deque([(r, c)])
                while queue:
                    i, j = queue.popleft()
                    for x, y in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
                        if 0 <= x < rows and 0 <= y < cols and grid[x][y] == "1" \
                                and (x, y) not in visited:
                            visited.append((x, y))
                            queue.append((x, y))
        return islands
