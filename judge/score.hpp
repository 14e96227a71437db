// A submission's verdict, counts and score, decided in one place from its tests' reports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "judge/results.hpp"
#include "judge/spec.hpp"

namespace pyjudge {

/// What scoring needs of a test, run or not (a copy of the test would copy its data).
struct PlannedTest {
  std::int64_t points = 0;
  std::string group;
};

std::vector<PlannedTest> plan(const std::vector<TestCase>& tests);

/// Fills the submission's verdict, `passed`, `total`, maxima and score from `report.tests`
/// (in the order of `planned`; tests not run did not pass). The verdict: an internal error is
/// IE; CE (set when the box refused the source) stays CE; any IE test makes it IE; else the
/// first failing test's verdict, or AC. Points: per test and per group when the problem gives
/// them (a group scores only if all its tests pass), otherwise 1 of 1 when accepted.
void conclude(const Problem& problem, const std::vector<PlannedTest>& planned, SubmissionReport& report);

}  // namespace pyjudge
