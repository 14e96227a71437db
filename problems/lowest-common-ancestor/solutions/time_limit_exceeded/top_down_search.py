# Too slow: from the root, searches each child's whole subtree for p and q to decide where to go
# next: O(n) per level, O(n * depth) in all -> hopeless on a very deep tree.
class Solution:
    def lowestCommonAncestor(self, root: TreeNode, p: int, q: int) -> int:
        def contains(node, target):
            stack = [node]
            while stack:
                n = stack.pop()
                if n is None:
                    continue
                if n.val == target:
                    return True
                stack.append(n.left)
                stack.append(n.right)
            return False

        node = root
        while True:
            if node.val in (p, q):
                return node.val
            if contains(node.left, p) and contains(node.left, q):
                node = node.left
            elif contains(node.right, p) and contains(node.right, q):
                node = node.right
            else:
                return node.val
