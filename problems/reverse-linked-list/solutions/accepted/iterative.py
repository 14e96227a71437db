# Reference: walk the list once, pointing each node back at its predecessor. O(n) time, O(1) space.
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        while head:
            head.next, prev, head = prev, head, head.next
        return prev
