import sys
n = int(input())
print(1, n - 1)
sys.exit(2)
