# Too slow: keeps the whole history and counts the recent ones on every ping, O(n) per ping.
class RecentCounter:
    def __init__(self):
        self.history = []

    def ping(self, t: int) -> int:
        self.history.append(t)
        return sum(1 for r in self.history if t - 3000 <= r <= t)
