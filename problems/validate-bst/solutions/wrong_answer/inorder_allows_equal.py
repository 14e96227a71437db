# Wrong: the in-order check uses < instead of <=, so duplicate values are accepted.
class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        stack, node, prev = [], root, None
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            if prev is not None and node.val < prev:
                return False
            prev = node.val
            node = node.right
        return True
