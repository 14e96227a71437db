# Wrong: the two-list merge stops when one list runs out and forgets to append the other's rest.
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        result = None
        for i, head in enumerate(lists):
            result = head if i == 0 else self.merge(result, head)
        return result

    @staticmethod
    def merge(a, b):
        dummy = tail = ListNode()
        while a and b:
            if a.val <= b.val:
                tail.next, a = a, a.next
            else:
                tail.next, b = b, b.next
            tail = tail.next
        return dummy.next
