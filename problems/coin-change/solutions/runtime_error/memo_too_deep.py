# Crashes: memoized top-down recursion is one call deep per coin of 1, RecursionError on amount 10^4.
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        @lru_cache(maxsize=None)
        def fewest(rest):
            if rest == 0:
                return 0
            if rest < 0:
                return inf
            return 1 + min(fewest(rest - coin) for coin in coins)

        answer = fewest(amount)
        return answer if answer != inf else -1
