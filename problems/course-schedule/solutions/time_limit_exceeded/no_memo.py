# Too slow: a correct DFS that keeps the current path but never remembers which courses are
# already known to be fine, so shared prerequisites are re-explored: exponential on a ladder of
# diamonds, O(V * E) even on a plain chain.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            needs[course].append(before)
        for start in range(numCourses):
            path = {start}
            stack = [(start, iter(needs[start]))]
            while stack:
                course, rest = stack[-1]
                for before in rest:
                    if before in path:
                        return False
                    path.add(before)
                    stack.append((before, iter(needs[before])))
                    break
                else:
                    path.discard(course)
                    stack.pop()
        return True
