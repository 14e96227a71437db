# A solution folder: the entry imports its own module and the package's include/python3/ one.
from kattis_io import read_list
from adder import add_all

print(add_all(read_list()))
