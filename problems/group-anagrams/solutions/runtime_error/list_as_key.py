# Crashes: uses the sorted list itself as the dict key -> TypeError: unhashable type: 'list'.
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = {}
        for s in strs:
            key = sorted(s)
            if key not in groups:
                groups[key] = []
            groups[key].append(s)
        return list(groups.values())
