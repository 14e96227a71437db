# Wrong: greedily takes the longest word that fits at each position and never backtracks;
# "cars" with ["car", "ca", "rs"] takes "car" and is stuck at "s".
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)
        longest = max(map(len, words))
        i = 0
        while i < len(s):
            for end in range(min(len(s), i + longest), i, -1):
                if s[i:end] in words:
                    i = end
                    break
            else:
                return False
        return True
