# Reference: bottom-up DP over amounts, fewest[x] = 1 + min(fewest[x - c]). O(amount * len(coins)).
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        impossible = amount + 1  # more coins than any real answer can use
        fewest = [0] + [impossible] * amount
        for coin in coins:
            for x in range(coin, amount + 1):
                if fewest[x - coin] + 1 < fewest[x]:
                    fewest[x] = fewest[x - coin] + 1
        return fewest[amount] if fewest[amount] != impossible else -1
