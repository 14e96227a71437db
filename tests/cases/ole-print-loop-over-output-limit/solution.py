for i in range(10**6):
    print("spam spam spam spam spam spam spam", i)
