# Wrong: floods into the diagonal neighbours too, merging islands that only touch at a corner.
class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        islands = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != "1":
                    continue
                islands += 1
                grid[r][c] = "0"
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    for x in (i - 1, i, i + 1):
                        for y in (j - 1, j, j + 1):
                            if 0 <= x < rows and 0 <= y < cols and grid[x][y] == "1":
                                grid[x][y] = "0"
                                stack.append((x, y))
        return islands
