#include <doctest/doctest.h>

#include "judge/validate.hpp"

using namespace pyjudge;

namespace {

ProblemValidation problem_with_two_solutions() {
  ProblemValidation v;
  v.id = "two-sum";
  v.time_limit = Millis(1000);
  SolutionCheck good;
  good.file = "solutions/accepted/hashmap.py";
  good.got = Verdict::AC;
  good.slowest = Micros(12'400);
  good.ok = true;
  SolutionCheck bad;
  bad.file = "solutions/wrong_answer/off_by_one.py";
  bad.expected = Verdict::WA;
  bad.got = Verdict::AC;
  bad.message = "every test passed";
  v.solutions = {good, bad};
  return v;
}

}  // namespace

TEST_CASE("validate's table: a row per solution, the failing one's message under it, findings and totals") {
  ProblemValidation v = problem_with_two_solutions();
  Palette plain(false);
  std::string ok_row = validation_table_row(v, v.solutions[0], plain);
  CHECK(ok_row.find("two-sum") == 0);
  CHECK(ok_row.find("AC   AC") != std::string::npos);
  CHECK(ok_row.find("12 / 1000 ms  ok\n") != std::string::npos);
  std::string bad_row = validation_table_row(v, v.solutions[1], plain);
  CHECK(bad_row.find("WA   AC") != std::string::npos);
  CHECK(bad_row.find("MISMATCH\n    every test passed\n") != std::string::npos);
  v.errors = {"reference: too slow"};
  v.warnings = {"data/secret/1.ans: no .in beside it"};
  CHECK(validation_findings(v, plain) ==
        "error two-sum: reference: too slow\nwarning two-sum: data/secret/1.ans: no .in beside it\n");
  ValidationTotals totals;
  totals.add(v);
  CHECK(totals.problems == 1);
  CHECK(totals.bad_solutions == 1);
  CHECK_FALSE(totals.ok());
  CHECK(totals.summary(1.25, plain) == "1 problems, 2 solutions: 1 problems invalid, 1 solutions mismatched (1.2 s)\n");
  CHECK(validation_table_header().find("SLOWEST / LIMIT") != std::string::npos);
}
