# Reference: a deque holds the window; old timestamps leave from the left. O(1) amortised per ping.
class RecentCounter:
    WINDOW = 3000

    def __init__(self):
        self.window = deque()

    def ping(self, t: int) -> int:
        self.window.append(t)
        while self.window[0] < t - self.WINDOW:
            self.window.popleft()
        return len(self.window)
