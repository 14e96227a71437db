# Too slow: "dedupes" each new permutation with `not in` on the result list, O(n!^2) comparisons.
class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        result = [[]]
        for x in nums:
            grown = []
            for perm in result:
                for i in range(len(perm) + 1):
                    candidate = perm[:i] + [x] + perm[i:]
                    if candidate not in grown:
                        grown.append(candidate)
            result = grown
        return result
