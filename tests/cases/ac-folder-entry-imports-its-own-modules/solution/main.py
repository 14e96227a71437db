import sys

from helper import parse
from geometry.square import area
import geometry

numbers = parse(sys.stdin.read())
assert geometry.NAME == "geometry"
print(sum(area(n) for n in numbers))
