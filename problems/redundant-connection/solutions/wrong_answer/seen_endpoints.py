# Wrong: treats an edge as redundant when both endpoints were seen before, even if they were
# seen in different, not yet connected parts of the graph.
class Solution:
    def findRedundantConnection(self, edges: List[List[int]]) -> List[int]:
        seen = set()
        for u, v in edges:
            if u in seen and v in seen:
                return [u, v]
            seen.update((u, v))
        return []
