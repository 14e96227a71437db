print(6)
exit(3)
