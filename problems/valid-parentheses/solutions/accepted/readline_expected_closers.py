# Line by line with input(); pushes the closer each opener expects, then compares directly.
CLOSER = {"(": ")", "[": "]", "{": "}"}


def valid(s):
    expected = []
    for c in s:
        if c in CLOSER:
            expected.append(CLOSER[c])
        elif not expected or expected.pop() != c:
            return False
    return not expected


for _ in range(int(input())):
    print(str(valid(input().strip())).lower())
