# A dict as the hash table and filter() with its __contains__ as the predicate.
class Solution:
    def filterMembers(self, allowed: List[int], queries: List[int]) -> List[int]:
        members = dict.fromkeys(allowed)
        return list(filter(members.__contains__, queries))
