# Too slow: keeps the visited nodes in a list, so every `in` check is a linear scan -> O(n^2).
class Solution:
    def detectCycle(self, head: Optional[ListNode]) -> int:
        visited = []
        node = head
        while node is not None:
            if node in visited:
                return visited.index(node)
            visited.append(node)
            node = node.next
        return -1
