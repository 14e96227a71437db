# Breadth-first search from 0: the level at which `amount` is first reached is the coin count.
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        seen = {0}
        frontier = [0]
        steps = 0
        while frontier:
            if amount in seen:
                return steps
            steps += 1
            nxt = []
            for total in frontier:
                for coin in coins:
                    s = total + coin
                    if s <= amount and s not in seen:
                        seen.add(s)
                        nxt.append(s)
            frontier = nxt
        return steps if amount in seen else -1
