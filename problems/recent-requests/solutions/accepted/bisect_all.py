# Keeps every timestamp in a sorted list (the input is non-decreasing) and binary-searches the start.
class RecentCounter:
    def __init__(self):
        self.times = []

    def ping(self, t: int) -> int:
        self.times.append(t)
        return len(self.times) - bisect_left(self.times, t - 3000)
