# Wrong: applies the binary-search-tree shortcut (go left if both values are smaller, right if
# both are larger), which means nothing in an unordered tree.
class Solution:
    def lowestCommonAncestor(self, root: TreeNode, p: int, q: int) -> int:
        node = root
        while node:
            if p < node.val and q < node.val:
                node = node.left
            elif p > node.val and q > node.val:
                node = node.right
            else:
                return node.val
        return root.val
