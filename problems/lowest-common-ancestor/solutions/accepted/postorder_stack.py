# Iterative post-order: each node learns how many of p and q its subtree holds; the first node
# (deepest, since children finish first) whose count reaches 2 is the answer.
class Solution:
    def lowestCommonAncestor(self, root: TreeNode, p: int, q: int) -> int:
        found = {}  # node -> number of targets in its subtree, once it is finished
        stack = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if not children_done:
                stack.append((node, True))
                stack.extend((child, False) for child in (node.left, node.right) if child)
                continue
            count = (node.val in (p, q)) + found.pop(node.left, 0) + found.pop(node.right, 0)
            if count == 2:
                return node.val
            found[node] = count
        raise ValueError("p or q is not in the tree")
