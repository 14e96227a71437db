# stdin is a sealed file (reading it returns EOF at once), so block on something that is never
# ready instead: a pipe of its own that nobody writes to.
import os
import select


def solve():
    r, w = os.pipe()
    select.select([r], [], [])
    return 0
