# The guess stays in the output buffer (stdout to a pipe is block-buffered; input() would flush
# it, sys.stdin.readline() does not): this program waits for a reply, the interactor for a
# guess. The interaction stalls until the wall limit.
import sys

low, high = 1, 1000
while True:
    guess = (low + high) // 2
    print(guess)
    reply = sys.stdin.readline().strip()
    if reply == "correct":
        break
    if reply == "lower":
        high = guess - 1
    else:
        low = guess + 1
