# Wrong: deque(maxlen=3001) assumes distinct timestamps; with repeated times the window holds more.
class RecentCounter:
    def __init__(self):
        self.window = deque(maxlen=3001)

    def ping(self, t: int) -> int:
        self.window.append(t)
        while self.window[0] < t - 3000:
            self.window.popleft()
        return len(self.window)
