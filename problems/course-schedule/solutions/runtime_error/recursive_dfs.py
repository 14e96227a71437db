# Crashes: correct three-colour DFS, but recursive at the default recursion limit ->
# RecursionError on a long chain of prerequisites.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            needs[course].append(before)
        state = [0] * numCourses  # 0 new, 1 on the current path, 2 done

        def has_cycle(course):
            if state[course] == 1:
                return True
            if state[course] == 2:
                return False
            state[course] = 1
            if any(has_cycle(before) for before in needs[course]):
                return True
            state[course] = 2
            return False

        return not any(has_cycle(c) for c in range(numCourses))
