# Breadth-first search over cut positions, walking a trie of the words from each reachable one.
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        trie = {}
        for w in wordDict:
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node["$"] = True
        reached = [False] * (len(s) + 1)
        reached[0] = True
        queue = deque([0])
        while queue:
            start = queue.popleft()
            node = trie
            for end in range(start, len(s)):
                node = node.get(s[end])
                if node is None:
                    break
                if "$" in node and not reached[end + 1]:
                    reached[end + 1] = True
                    queue.append(end + 1)
        return reached[-1]
