# Too slow: compares each string with every later one via sorted(), O(n^2 * L log L).
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        used = [False] * len(strs)
        result = []
        for i, s in enumerate(strs):
            if used[i]:
                continue
            group = [s]
            for j in range(i + 1, len(strs)):
                if not used[j] and sorted(strs[j]) == sorted(s):
                    used[j] = True
                    group.append(strs[j])
            result.append(group)
        return result
