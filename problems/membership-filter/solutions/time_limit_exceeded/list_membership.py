# Too slow: `q in allowed` scans the whole list for every query, O(len(allowed) * len(queries)).
class Solution:
    def filterMembers(self, allowed: List[int], queries: List[int]) -> List[int]:
        return [q for q in queries if q in allowed]
