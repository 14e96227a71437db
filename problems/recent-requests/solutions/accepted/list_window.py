# Slower, still accepted: the window is a plain list and old timestamps leave with pop(0), which
# shifts every remaining element: O(window) per expiry. The generator's window grows with the
# number of pings (tens of thousands at 10^5), so the pings cost O(n^2) in all; a memmove of the
# list is fast enough that 10^5 pings still take ~0.2 s.
class RecentCounter:
    WINDOW = 3000

    def __init__(self):
        self.window = []

    def ping(self, t: int) -> int:
        self.window.append(t)
        while self.window[0] < t - self.WINDOW:
            self.window.pop(0)
        return len(self.window)
