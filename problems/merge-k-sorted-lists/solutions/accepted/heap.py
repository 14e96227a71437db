# Reference: a heap of the current head of every list, as (value, list number, node); the list
# number breaks ties so nodes are never compared. O(N log k).
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        heap = [(node.val, i, node) for i, node in enumerate(lists) if node]
        heapify(heap)
        dummy = tail = ListNode()
        while heap:
            _, i, node = heap[0]
            tail.next = tail = node
            if node.next:
                heapreplace(heap, (node.next.val, i, node.next))
            else:
                heappop(heap)
        tail.next = None
        return dummy.next
