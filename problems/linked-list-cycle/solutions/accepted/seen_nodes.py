# Remember the index of every node visited, keyed by the node itself (identity hash). O(n) space.
class Solution:
    def detectCycle(self, head: Optional[ListNode]) -> int:
        index = {}
        node = head
        while node is not None:
            if node in index:
                return index[node]
            index[node] = len(index)
            node = node.next
        return -1
