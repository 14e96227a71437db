# Wrong: tracks the courses on the current DFS path but never removes a course when backtracking,
# so reaching an already-checked course a second way (a diamond) is mistaken for a cycle.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            needs[course].append(before)
        done = set()

        def acyclic(course, path):
            if course in path:
                return False
            if course in done:
                return True
            path.add(course)
            if not all(acyclic(before, path) for before in needs[course]):
                return False
            done.add(course)
            return True

        return all(acyclic(c, set()) for c in range(numCourses))
