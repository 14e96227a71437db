# A list that contains itself: an infinitely deep value for a naive serialiser.


def solve():
    a = []
    a.append(a)
    return a
