def parse(text):
    words = text.split()
    return [int(w) for w in words[1:]]
