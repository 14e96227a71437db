# Union-find over the land cells (flattened to r * cols + c), joining each cell with its right
# and lower neighbour; the answer is the number of land cells minus the successful unions.
class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        parent = list(range(rows * cols))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        islands = 0
        for r in range(rows):
            row, below = grid[r], grid[r + 1] if r + 1 < rows else None
            for c in range(cols):
                if row[c] != "1":
                    continue
                islands += 1
                cell = r * cols + c
                for other, land in ((cell + 1, c + 1 < cols and row[c + 1] == "1"),
                                    (cell + cols, below is not None and below[c] == "1")):
                    if land:
                        a, b = find(cell), find(other)
                        if a != b:
                            parent[a] = b
                            islands -= 1
        return islands
