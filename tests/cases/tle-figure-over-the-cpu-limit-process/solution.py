n = int(input())
if n == 2:
    while True:
        n += 1
print(n)
