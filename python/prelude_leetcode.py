"""Names a LeetCode solution may use without importing them."""
from typing import *
from collections import *
from heapq import *
from bisect import *
from itertools import *
from functools import *
from math import *
from string import *
from operator import *
import collections, heapq, bisect, itertools, functools, math, string, operator, re, random, sys
inf = float("inf")
