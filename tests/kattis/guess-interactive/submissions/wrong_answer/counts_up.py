# Too many guesses: the interactor rejects on the 11th and leaves first; this program, cut off,
# then fails reading its reply. The interactor's verdict stands (WA, not RE).
guess = 1
while True:
    print(guess, flush=True)
    if input() == "correct":
        break
    guess += 1
