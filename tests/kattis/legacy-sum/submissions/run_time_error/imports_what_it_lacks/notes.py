NOTE = "not the entry: solution.py is"
