# Wrong: keys by the set of letters, which forgets how often each occurs ("aab" joins "abb").
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = defaultdict(list)
        for s in strs:
            groups[frozenset(s)].append(s)
        return list(groups.values())
