#include "judge/score.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace pyjudge {

namespace {

Verdict submission_verdict(const SubmissionReport& rep) {
  if (!rep.internal_error.empty()) return Verdict::IE;
  if (rep.verdict == Verdict::CE) return Verdict::CE;
  std::optional<Verdict> first_failure;
  for (const auto& t : rep.tests) {
    if (t.verdict == Verdict::IE) return Verdict::IE;
    if (t.verdict != Verdict::AC && !first_failure) first_failure = t.verdict;
  }
  return first_failure.value_or(Verdict::AC);
}

void add_points(const Problem& problem, const std::vector<PlannedTest>& tests, SubmissionReport& rep) {
  std::int64_t test_points = 0;
  for (const auto& t : tests) test_points += t.points;
  if (test_points == 0 && problem.groups.empty()) {
    rep.max_score = 1;
    rep.score = rep.verdict == Verdict::AC ? 1 : 0;
    return;
  }
  // Tests not run (stop at the first failure, a compile error) did not pass.
  std::map<std::string, bool> group_passed;
  for (const auto& [name, points] : problem.groups) group_passed[name] = true;
  rep.max_score = test_points;
  rep.score = 0;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    bool passed = i < rep.tests.size() && rep.tests[i].verdict == Verdict::AC;
    if (!tests[i].group.empty()) group_passed[tests[i].group] = group_passed[tests[i].group] && passed;
    else if (passed) rep.score += tests[i].points;
  }
  for (const auto& [name, points] : problem.groups) {
    rep.max_score += points;
    if (group_passed[name]) rep.score += points;
  }
}

}  // namespace

std::vector<PlannedTest> plan(const std::vector<TestCase>& tests) {
  std::vector<PlannedTest> out;
  out.reserve(tests.size());
  for (const auto& t : tests) out.push_back({t.points, t.group});
  return out;
}

void conclude(const Problem& problem, const std::vector<PlannedTest>& planned, SubmissionReport& rep) {
  rep.passed = 0;
  for (const auto& t : rep.tests) {
    rep.passed += t.verdict == Verdict::AC;
    rep.max_cpu = std::max(rep.max_cpu, t.cpu);
    rep.max_wall = std::max(rep.max_wall, t.wall);
    rep.max_memory = std::max(rep.max_memory, t.memory);
  }
  rep.total = static_cast<int>(planned.size());
  rep.verdict = submission_verdict(rep);
  add_points(problem, planned, rep);
}

}  // namespace pyjudge
