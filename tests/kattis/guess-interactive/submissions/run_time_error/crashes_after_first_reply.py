print(500, flush=True)
reply = input()
raise RuntimeError("no idea what to do with " + reply)
