# Wrong: pops with <= instead of <, so a day with the same temperature counts as warmer.
class Solution:
    def dailyTemperatures(self, temperatures: List[int]) -> List[int]:
        answer = [0] * len(temperatures)
        stack = []
        for day, t in enumerate(temperatures):
            while stack and temperatures[stack[-1]] <= t:
                earlier = stack.pop()
                answer[earlier] = day - earlier
            stack.append(day)
        return answer
