# Wrong: remembers node *values* instead of nodes, so the first repeated value looks like a cycle.
class Solution:
    def detectCycle(self, head: Optional[ListNode]) -> int:
        index = {}
        node = head
        while node is not None:
            if node.val in index:
                return index[node.val]
            index[node.val] = len(index)
            node = node.next
        return -1
