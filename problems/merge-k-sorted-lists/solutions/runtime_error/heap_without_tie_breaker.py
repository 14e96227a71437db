# Crashes: pushes (value, node) tuples; on equal values heapq compares the nodes -> TypeError.
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        heap = []
        for node in lists:
            if node:
                heapq.heappush(heap, (node.val, node))
        dummy = tail = ListNode()
        while heap:
            _, node = heapq.heappop(heap)
            tail.next = tail = node
            if node.next:
                heapq.heappush(heap, (node.next.val, node.next))
        return dummy.next
