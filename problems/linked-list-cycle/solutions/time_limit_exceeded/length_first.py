# Never finishes: measures the list's length first, a walk that only ends at None -> infinite loop.
class Solution:
    def detectCycle(self, head: Optional[ListNode]) -> int:
        n, node = 0, head
        while node:
            n += 1
            node = node.next
        seen = set()
        node = head
        for i in range(n):
            if id(node) in seen:
                return i
            seen.add(id(node))
            node = node.next
        return -1
