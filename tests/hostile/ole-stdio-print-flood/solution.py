# A stdio program printing forever (bounded at 10**8 lines).
import sys

for i in range(10**8):
    sys.stdout.write("%d\n" % i)
