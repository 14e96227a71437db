# Wrong: assumes a complete tree, cutting the breadth-first order into chunks of 1, 2, 4, 8, ...
# nodes; a level with missing nodes shifts every later level.
class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        order, queue = [], deque([root] if root else [])
        while queue:
            node = queue.popleft()
            order.append(node.val)
            queue.extend(child for child in (node.left, node.right) if child)
        levels, start, width = [], 0, 1
        while start < len(order):
            levels.append(order[start:start + width])
            start, width = start + width, width * 2
        return levels
