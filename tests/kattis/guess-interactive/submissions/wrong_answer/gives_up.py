# One guess, then it ends: the interactor sees the end of its input and rejects afterwards.
print(500, flush=True)
input()
