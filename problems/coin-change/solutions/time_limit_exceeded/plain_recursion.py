# Too slow: tries every coin at every step with no memoization, exponential in the amount.
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        def fewest(rest):
            if rest == 0:
                return 0
            best = -1
            for coin in coins:
                if coin <= rest:
                    sub = fewest(rest - coin)
                    if sub != -1 and (best == -1 or sub + 1 < best):
                        best = sub + 1
            return best

        return fewest(amount)
