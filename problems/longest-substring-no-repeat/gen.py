"""A random string of `size` characters over an alphabet of 3 to 95 printable ASCII characters.

Pieces alternate between plain random characters (many repeats close together) and "palindromic"
runs like "xyzzyx": a character repeated again after the window has already moved past its
first occurrence, which catches window starts that move backwards.
"""

PRINTABLE = "".join(chr(c) for c in range(32, 127))


def generate(rng, size):
    alphabet = rng.sample(PRINTABLE, rng.choice([3, 10, 26, 60, 95]))
    out = []
    while len(out) < size:
        run = [rng.choice(alphabet) for _ in range(rng.randint(1, 2 * len(alphabet)))]
        if rng.random() < 0.3:
            run += run[::-1]
        out += run
    return {"args": ["".join(out[:size])]}
