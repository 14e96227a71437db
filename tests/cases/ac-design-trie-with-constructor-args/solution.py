class WordDictionary:
    def __init__(self, initial):
        self.root = {}
        for w in initial:
            self.addWord(w)

    def addWord(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        node["$"] = True

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return None
            node = node[ch]
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return bool(node) and "$" in node

    def startsWith(self, prefix: str) -> bool:
        return self._find(prefix) is not None

    def words(self):
        out = []

        def walk(node, path):
            for ch, child in sorted(node.items()):
                if ch == "$":
                    out.append(path)
                else:
                    walk(child, path + ch)

        walk(self.root, "")
        return sorted(out)
