def parse_age(text):
    age = int(text)
    if age < 0:
        raise TypeError("age must not be negative")
    return age
