# A candidate exception class deriving from MemoryError: the judge reads the MRO, so this is
# reported as MLE (what raising MemoryError means), not hidden as something else.


class NotReallyOutOfMemory(MemoryError):
    pass


def solve():
    raise NotReallyOutOfMemory("fake")
