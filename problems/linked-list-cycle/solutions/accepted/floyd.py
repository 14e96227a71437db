# Reference: Floyd's tortoise and hare. After they meet inside the cycle, a pointer from the head
# and one from the meeting point, moving in step, meet at the cycle's start. O(n) time, O(1) space.
class Solution:
    def detectCycle(self, head: Optional[ListNode]) -> int:
        slow = fast = head
        while fast and fast.next:
            slow, fast = slow.next, fast.next.next
            if slow is fast:
                break
        else:
            return -1
        index, slow = 0, head
        while slow is not fast:
            slow, fast = slow.next, fast.next
            index += 1
        return index
