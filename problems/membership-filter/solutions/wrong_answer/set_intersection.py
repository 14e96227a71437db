# Wrong: a set intersection loses the order of the queries and collapses repeated queries.
class Solution:
    def filterMembers(self, allowed: List[int], queries: List[int]) -> List[int]:
        return list(set(queries) & set(allowed))
