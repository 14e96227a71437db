# Crashes: the right idea (bounds), but recursive at the default recursion limit ->
# RecursionError on the 2 * 10^4 deep path.
class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        def valid(node, lo, hi):
            if node is None:
                return True
            if not lo < node.val < hi:
                return False
            return valid(node.left, lo, node.val) and valid(node.right, node.val, hi)

        return valid(root, float("-inf"), float("inf"))
