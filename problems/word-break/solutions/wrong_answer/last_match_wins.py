# Wrong: assigns ok[i] for every matching word instead of OR-ing, so a later word ending at i
# can overwrite a True with False ("catsdog" with ["cats", "dog", "sdog"]).
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        ok = [True] + [False] * len(s)
        for i in range(1, len(s) + 1):
            for w in wordDict:
                if len(w) <= i and s[i - len(w):i] == w:
                    ok[i] = ok[i - len(w)]
        return ok[-1]
