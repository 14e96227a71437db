# Reference: each node is a dict from letter to child node; the key "$" marks the end of a word.
# O(len(word)) per operation.
END = "$"


class Trie:
    def __init__(self):
        self.root = {}

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        node[END] = True

    def _walk(self, s):
        node = self.root
        for ch in s:
            node = node.get(ch)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        node = self._walk(word)
        return node is not None and END in node

    def startsWith(self, prefix: str) -> bool:
        return self._walk(prefix) is not None
