import threading

def spin():
    while True:
        pass

def solve(n):
    if n:
        threading.Thread(target=spin, daemon=True).start()
    return 0
