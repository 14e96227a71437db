import sys

# 1 + 2 * 100000 bytes of valid UTF-8: a 64 KiB window ends inside a character.
sys.stderr.buffer.write(("x" + "\u00e9" * 100000).encode("utf-8"))
sys.exit(1)
