class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1

    def get(self):
        return self.n
