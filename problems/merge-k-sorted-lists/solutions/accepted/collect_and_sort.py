# Collects every node, sorts them by value (a stable C sort), and relinks them. O(N log N).
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        nodes = []
        for node in lists:
            while node:
                nodes.append(node)
                node = node.next
        nodes.sort(key=lambda node: node.val)
        for a, b in zip(nodes, nodes[1:]):
            a.next = b
        if not nodes:
            return None
        nodes[-1].next = None
        return nodes[0]
