# mmap.mmap(-1, n) is a MAP_SHARED anonymous mapping: RLIMIT_DATA counts only private writable
# mappings, so this memory is not refused by the data limit. Touches 1 GiB (bounded) page by
# page; the test must still be MLE.
import mmap


def solve():
    size = 1 << 30
    m = mmap.mmap(-1, size)
    for off in range(0, size, 4096):
        m[off] = 1
    return 0
