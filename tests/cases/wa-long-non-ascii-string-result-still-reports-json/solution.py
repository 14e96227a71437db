def greet():
    return "xy" + "\u00e9" * 100
