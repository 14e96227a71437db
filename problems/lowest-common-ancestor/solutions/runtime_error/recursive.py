# Crashes: the classic recursive LCA at the default recursion limit -> RecursionError on a tree
# thousands of levels deep.
class Solution:
    def lowestCommonAncestor(self, root: TreeNode, p: int, q: int) -> int:
        def lca(node):
            if node is None or node.val in (p, q):
                return node
            left, right = lca(node.left), lca(node.right)
            if left and right:
                return node
            return left or right

        return lca(root).val
