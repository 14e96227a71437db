# Too slow: before adding each edge, searches the graph built so far for a path between its
# endpoints: O(n) per edge, O(n^2) in all.
class Solution:
    def findRedundantConnection(self, edges: List[List[int]]) -> List[int]:
        adj = defaultdict(list)
        for u, v in edges:
            seen, stack = {u}, [u]
            while stack:
                x = stack.pop()
                if x == v:
                    return [u, v]
                for y in adj[x]:
                    if y not in seen:
                        seen.add(y)
                        stack.append(y)
            adj[u].append(v)
            adj[v].append(u)
        return []
