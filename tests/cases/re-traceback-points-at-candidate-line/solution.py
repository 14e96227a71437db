# The bug is on line 5.
def last(nums):
    if nums is None:
        return None
    return nums[len(nums)]
