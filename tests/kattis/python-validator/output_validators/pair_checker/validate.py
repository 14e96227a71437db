# Output validator: argv = input answer feedback_dir [flags]; the team's output on stdin.
# Exit 42 when it is two integers (positive, if the flag says so) that add up to n, else 43.
import sys

input_file, answer_file, feedback = sys.argv[1], sys.argv[2], sys.argv[3]
positive = "positive" in sys.argv[4:]
n = int(open(input_file).read())


def reject(team, judge):
    with open(feedback + "teammessage.txt", "w") as f:
        f.write(team)
    with open(feedback + "judgemessage.txt", "w") as f:
        f.write(judge)
    sys.exit(43)


tokens = sys.stdin.read().split()
if len(tokens) != 2:
    reject(f"expected two numbers, got {len(tokens)} tokens", f"n={n}, tokens={tokens[:5]}")
try:
    a, b = int(tokens[0]), int(tokens[1])
except ValueError:
    reject("the output is not two integers", f"n={n}, output={tokens}")
if positive and (a <= 0 or b <= 0):
    reject("both numbers must be positive", f"n={n}, a={a}, b={b}")
if a + b != n:
    reject(f"{a} + {b} is not the number given", f"n={n}, a={a}, b={b}")
sys.exit(42)
