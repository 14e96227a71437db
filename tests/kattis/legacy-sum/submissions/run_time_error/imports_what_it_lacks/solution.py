# A solution folder whose entry imports a module neither it nor the package has.
from kattis_io import read_list
from summing import add_all

print(add_all(read_list()))
