# Wrong: drops requests at exactly t - 3000, but the window [t - 3000, t] includes both ends.
class RecentCounter:
    def __init__(self):
        self.window = deque()

    def ping(self, t: int) -> int:
        self.window.append(t)
        while self.window[0] <= t - 3000:
            self.window.popleft()
        return len(self.window)
