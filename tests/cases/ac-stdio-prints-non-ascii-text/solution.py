import sys

print(sys.stdin.readline().strip().upper())
