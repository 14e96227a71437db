# A TrieNode class with __slots__: a children dict (a defaultdict creating nodes on insert) and
# an end-of-word flag.
class TrieNode:
    __slots__ = ("children", "is_word")

    def __init__(self):
        self.children = defaultdict(TrieNode)
        self.is_word = False


class Trie:
    def __init__(self):
        self.root = TrieNode()

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.children[ch]
        node.is_word = True

    def _find(self, s):
        node = self.root
        for ch in s:
            if ch not in node.children:
                return None
            node = node.children[ch]
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return bool(node and node.is_word)

    def startsWith(self, prefix: str) -> bool:
        return self._find(prefix) is not None
