# Wrong: only compares each node with its own children, so a value that is fine for its parent
# but on the wrong side of a higher ancestor is missed.
class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        stack = [root] if root else []
        while stack:
            node = stack.pop()
            if node.left:
                if node.left.val >= node.val:
                    return False
                stack.append(node.left)
            if node.right:
                if node.right.val <= node.val:
                    return False
                stack.append(node.right)
        return True
