# Wrong (off by one): records the days strictly between the two days, day - earlier - 1.
class Solution:
    def dailyTemperatures(self, temperatures: List[int]) -> List[int]:
        answer = [0] * len(temperatures)
        stack = []
        for day, t in enumerate(temperatures):
            while stack and temperatures[stack[-1]] < t:
                earlier = stack.pop()
                answer[earlier] = day - earlier - 1
            stack.append(day)
        return answer
