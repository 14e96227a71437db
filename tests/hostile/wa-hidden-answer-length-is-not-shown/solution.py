# A wrong answer whose length and content depend on the hidden input.
def solve(x):
    return [x] * (x % 97)
