# Merges the lists in pairs, round after round, like a bottom-up merge sort: log k rounds of O(N).
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        lists = [head for head in lists if head]
        if not lists:
            return None
        while len(lists) > 1:
            lists = [self.merge(lists[i], lists[i + 1]) if i + 1 < len(lists) else lists[i]
                     for i in range(0, len(lists), 2)]
        return lists[0]

    @staticmethod
    def merge(a, b):
        dummy = tail = ListNode()
        while a and b:
            if a.val <= b.val:
                tail.next, a = a, a.next
            else:
                tail.next, b = b, b.next
            tail = tail.next
        tail.next = a or b
        return dummy.next
