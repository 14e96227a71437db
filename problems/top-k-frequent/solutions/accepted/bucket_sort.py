# Bucket sort by count: bucket[c] lists the values seen exactly c times; read from the top. O(n).
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        buckets = [[] for _ in range(len(nums) + 1)]
        for value, count in Counter(nums).items():
            buckets[count].append(value)
        result = []
        for count in range(len(nums), 0, -1):
            result.extend(buckets[count])
            if len(result) >= k:
                return result[:k]
        return result
