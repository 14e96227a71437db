# Reference: every node must lie strictly inside the open interval its ancestors allow; the
# intervals are pushed on an explicit stack, so depth does not matter. O(n).
class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        stack = [(root, -inf, inf)]
        while stack:
            node, lo, hi = stack.pop()
            if node is None:
                continue
            if not lo < node.val < hi:
                return False
            stack.append((node.left, lo, node.val))
            stack.append((node.right, node.val, hi))
        return True
