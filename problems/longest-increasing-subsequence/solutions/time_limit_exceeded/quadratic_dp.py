# Too slow: the textbook O(n^2) DP, longest[i] = 1 + max(longest[j] for j < i with nums[j] < nums[i]).
class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        longest = [1] * len(nums)
        for i in range(len(nums)):
            for j in range(i):
                if nums[j] < nums[i] and longest[j] + 1 > longest[i]:
                    longest[i] = longest[j] + 1
        return max(longest, default=0)
