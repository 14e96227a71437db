# Reference: a stack of the days still waiting, temperatures non-increasing from bottom to top;
# a warmer day answers every colder day on top. Each day is pushed and popped once: O(n).
class Solution:
    def dailyTemperatures(self, temperatures: List[int]) -> List[int]:
        answer = [0] * len(temperatures)
        waiting = []
        for day, t in enumerate(temperatures):
            while waiting and temperatures[waiting[-1]] < t:
                earlier = waiting.pop()
                answer[earlier] = day - earlier
            waiting.append(day)
        return answer
