# Depth-first with the depth as an index into the answer; raises the recursion limit so that
# a path-shaped tree as deep as the node count does not overflow it.
import sys


class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 10**5 + 100))
        levels = []

        def visit(node, depth):
            if node is None:
                return
            if depth == len(levels):
                levels.append([])
            levels[depth].append(node.val)
            visit(node.left, depth + 1)
            visit(node.right, depth + 1)

        visit(root, 0)
        return levels
