# Reference: build a set once (O(len(allowed))), then O(1) average membership per query.
class Solution:
    def filterMembers(self, allowed: List[int], queries: List[int]) -> List[int]:
        members = set(allowed)
        return [q for q in queries if q in members]
