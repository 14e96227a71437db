import sys

sys.stdout.buffer.write(("x" + "\u00e9" * 100000 + "\n").encode("utf-8"))
