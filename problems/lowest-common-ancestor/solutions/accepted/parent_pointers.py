# Reference: record every node's parent with an explicit stack until both values are found, then
# collect p's ancestors and walk up from q to the first one of them. O(n), no recursion.
class Solution:
    def lowestCommonAncestor(self, root: TreeNode, p: int, q: int) -> int:
        parent = {root.val: None}
        stack = [root]
        while p not in parent or q not in parent:
            node = stack.pop()
            for child in (node.left, node.right):
                if child:
                    parent[child.val] = node.val
                    stack.append(child)
        ancestors = set()
        while p is not None:
            ancestors.add(p)
            p = parent[p]
        while q not in ancestors:
            q = parent[q]
        return q
