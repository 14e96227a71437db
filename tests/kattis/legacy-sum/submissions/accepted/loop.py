n = int(input())
xs = list(map(int, input().split()))
total = 0
for x in xs:
    total += x
print(total)
quit()
