import helper
from missing_module import solve

print(solve(helper.read()))
