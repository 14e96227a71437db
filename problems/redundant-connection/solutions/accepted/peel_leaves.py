# Peel leaves: repeatedly remove nodes of degree 1; what remains is exactly the cycle. Return the
# last listed edge with both ends on it. O(n), no union-find.
class Solution:
    def findRedundantConnection(self, edges: List[List[int]]) -> List[int]:
        n = len(edges)
        adj = [[] for _ in range(n + 1)]
        for u, v in edges:
            adj[u].append(v)
            adj[v].append(u)
        degree = [len(a) for a in adj]
        leaves = [x for x in range(1, n + 1) if degree[x] == 1]
        on_cycle = [True] * (n + 1)
        while leaves:
            x = leaves.pop()
            on_cycle[x] = False
            for y in adj[x]:
                degree[y] -= 1
                if degree[y] == 1:
                    leaves.append(y)
        return next([u, v] for u, v in reversed(edges) if on_cycle[u] and on_cycle[v])
