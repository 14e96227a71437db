# Too slow: Kahn's idea, but each step scans all courses for one with no remaining prerequisites:
# O(V^2) scans for V = 10^5.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        unlocks = [[] for _ in range(numCourses)]
        missing = [0] * numCourses
        for course, before in prerequisites:
            unlocks[before].append(course)
            missing[course] += 1
        taken = [False] * numCourses
        for _ in range(numCourses):
            for course in range(numCourses):
                if not taken[course] and missing[course] == 0:
                    break
            else:
                return False
            taken[course] = True
            for nxt in unlocks[course]:
                missing[nxt] -= 1
        return True
