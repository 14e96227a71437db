# Each level: [deeper, 60 numbers]; 600 levels, about 0.2 MB on the wire.
def solve():
    v = 0
    for _ in range(600):
        v = [v, list(range(60))]
    return [v]
