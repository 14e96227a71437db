# The interactor: run as `interactor.py input answer feedback_dir`, stdin the solution's output,
# stdout the solution's input. Exit 42 accepts, 43 rejects (problem package format).
import sys


def finish(code, team, judge):
    feedback = sys.argv[3]
    with open(feedback + "teammessage.txt", "w") as f:
        f.write(team)
    with open(feedback + "judgemessage.txt", "w") as f:
        f.write(judge)
    sys.exit(code)


def main():
    with open(sys.argv[1]) as f:
        secret, allowed = map(int, f.read().split())
    for guess in range(1, allowed + 1):
        line = sys.stdin.readline()
        if not line:
            finish(43, "your program ended before it guessed the number",
                   f"EOF after {guess - 1} guesses; the number was {secret}")
        try:
            value = int(line)
        except ValueError:
            finish(43, "a guess that is not a whole number", f"guess {guess}: {line[:50]!r}")
        if value == secret:
            print("correct", flush=True)
            finish(42, "", f"found in {guess} guesses")
        try:
            print("lower" if secret < value else "higher", flush=True)
        except BrokenPipeError:
            finish(43, "your program stopped reading", f"after guess {guess}")
    finish(43, f"more than {allowed} guesses", f"the number was {secret}")


main()
