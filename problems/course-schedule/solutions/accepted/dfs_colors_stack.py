# Depth-first search with white/grey/black colours on an explicit stack: an edge into a grey
# (in-progress) course closes a cycle. O(V + E), no recursion.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs = defaultdict(list)
        for course, before in prerequisites:
            needs[course].append(before)
        WHITE, GREY, BLACK = 0, 1, 2
        color = [WHITE] * numCourses
        for start in range(numCourses):
            if color[start] != WHITE:
                continue
            color[start] = GREY
            stack = [(start, iter(needs[start]))]
            while stack:
                course, rest = stack[-1]
                for before in rest:
                    if color[before] == GREY:
                        return False
                    if color[before] == WHITE:
                        color[before] = GREY
                        stack.append((before, iter(needs[before])))
                        break
                else:
                    color[course] = BLACK
                    stack.pop()
        return True
