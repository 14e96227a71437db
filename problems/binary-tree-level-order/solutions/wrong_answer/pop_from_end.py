# Wrong: uses a list as the queue but takes nodes with pop() (the end), so each level comes out
# in the wrong order.
class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if root is None:
            return []
        levels, queue = [], [root]
        while queue:
            level = []
            for _ in range(len(queue)):
                node = queue.pop()
                level.append(node.val)
                if node.left:
                    queue.append(node.left)
                if node.right:
                    queue.append(node.right)
            levels.append(level)
        return levels
