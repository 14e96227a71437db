import sys

data = sys.stdin.read().split()
total = 0
while True:
    total += 1
