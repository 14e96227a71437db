# Fenwick tree over value ranks holding the best run length ending below each rank. O(n log n).
class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        rank = {v: i + 1 for i, v in enumerate(sorted(set(nums)))}
        tree = [0] * (len(rank) + 1)
        best = 0
        for x in nums:
            r = rank[x]
            # longest run ending in a value of rank < r
            i, length = r - 1, 0
            while i > 0:
                length = max(length, tree[i])
                i -= i & -i
            length += 1
            best = max(best, length)
            i = r
            while i < len(tree):
                if tree[i] < length:
                    tree[i] = length
                i += i & -i
        return best
