# A plain infinite loop: the box's CPU clock watchdog must stop it at the 1 s CPU limit.


def solve():
    x = 0
    while True:
        x += 1
