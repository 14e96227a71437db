# Collect the nodes in a Python list, then relink them back to front. O(n) time and extra space.
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        nodes = []
        while head:
            nodes.append(head)
            head = head.next
        nodes.reverse()
        for node, nxt in zip(nodes, nodes[1:]):
            node.next = nxt
        if nodes:
            nodes[-1].next = None
        return nodes[0] if nodes else None
