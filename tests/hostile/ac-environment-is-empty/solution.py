# Nothing of the judge's environment (tokens, paths, HOME) reaches the candidate.
import os


def solve():
    return sorted(os.environ)
