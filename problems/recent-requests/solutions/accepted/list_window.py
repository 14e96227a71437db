# Slower, still accepted: the window is a plain list and old timestamps leave with pop(0), which
# shifts every remaining element: O(window) per expiry, O(n * W) in all for n pings and a window of
# W requests. gen.py's window grows with the number of pings only up to about 6 * 10^4 requests
# (its density is fixed from 10^4 pings on), so on these tests the cost is between n and n^2 and
# not one class: problem.yaml's complexity labels leave it out. A memmove of the list is fast
# enough that 10^5 pings still take ~0.2 s.
class RecentCounter:
    WINDOW = 3000

    def __init__(self):
        self.window = []

    def ping(self, t: int) -> int:
        self.window.append(t)
        while self.window[0] < t - self.WINDOW:
            self.window.pop(0)
        return len(self.window)
