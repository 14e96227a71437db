# Wrong: inverts the counts into a dict count -> value, so values with the same count overwrite each other.
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        value_of = {count: value for value, count in Counter(nums).items()}
        return [value_of[count] for count in sorted(value_of, reverse=True)[:k]]
