# Too slow: rebuilds the window with a list comprehension on every ping, O(window) each time.
class RecentCounter:
    def __init__(self):
        self.requests = []

    def ping(self, t: int) -> int:
        self.requests.append(t)
        self.requests = [r for r in self.requests if r >= t - 3000]
        return len(self.requests)
