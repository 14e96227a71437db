"""ListNode and TreeNode as LeetCode defines them, with a readable repr for debugging."""


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        vals, node, seen = [], self, set()
        while node is not None and id(node) not in seen and len(vals) < 50:
            seen.add(id(node))
            vals.append(repr(node.val))
            node = node.next
        more = " -> ..." if node is not None else ""
        return "ListNode(" + " -> ".join(vals) + more + ")"


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return f"TreeNode({self.val!r})"
