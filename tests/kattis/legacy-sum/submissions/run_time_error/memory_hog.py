import sys

hoard = bytearray(600 * 2**20)
print(sum(int(x) for x in sys.stdin.read().split()[1:]))
