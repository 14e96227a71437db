import sys

print(6)
sys.exit(3)
