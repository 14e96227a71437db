def check(args, expected, got):
    return got == expected, "compared"
