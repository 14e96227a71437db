# Too much memory: a direct-address table of booleans spans the whole value range (up to 2 * 10^9 slots).
class Solution:
    def filterMembers(self, allowed: List[int], queries: List[int]) -> List[int]:
        if not allowed:
            return []
        low, high = min(allowed), max(allowed)
        present = [False] * (high - low + 1)
        for x in allowed:
            present[x - low] = True
        return [q for q in queries if low <= q <= high and present[q - low]]
