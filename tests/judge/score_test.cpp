#include <doctest/doctest.h>

#include "judge/score.hpp"

using namespace pyjudge;

namespace {

TestReport ran(Verdict v, int cpu_ms = 1) {
  TestReport t;
  t.verdict = v;
  t.cpu = Micros(cpu_ms * 1000);
  return t;
}

SubmissionReport with(std::vector<TestReport> tests) {
  SubmissionReport r;
  r.tests = std::move(tests);
  return r;
}

}  // namespace

TEST_CASE("The submission's verdict is its first failing test's, AC when none fails, IE over everything") {
  Problem p;
  std::vector<PlannedTest> three(3);
  struct Row {
    std::vector<Verdict> tests;
    Verdict expected;
  };
  for (const Row& row : {Row{{Verdict::AC, Verdict::AC, Verdict::AC}, Verdict::AC},
                         Row{{Verdict::AC, Verdict::TLE, Verdict::WA}, Verdict::TLE},
                         Row{{Verdict::WA, Verdict::IE, Verdict::AC}, Verdict::IE},
                         Row{{Verdict::RE}, Verdict::RE}}) {
    std::vector<TestReport> tests;
    for (Verdict v : row.tests) tests.push_back(ran(v));
    SubmissionReport r = with(tests);
    conclude(p, three, r);
    CAPTURE(verdict_code(row.expected));
    CHECK(r.verdict == row.expected);
    CHECK(r.total == 3);
  }
}

TEST_CASE("An internal error makes the submission IE; a compile error stays CE") {
  Problem p;
  SubmissionReport broken = with({ran(Verdict::AC)});
  broken.internal_error = "the box died";
  conclude(p, {PlannedTest{}}, broken);
  CHECK(broken.verdict == Verdict::IE);
  CHECK(broken.passed == 1);
  SubmissionReport ce;
  ce.verdict = Verdict::CE;
  conclude(p, {PlannedTest{}, PlannedTest{}}, ce);
  CHECK(ce.verdict == Verdict::CE);
  CHECK(ce.passed == 0);
  CHECK(ce.total == 2);
  CHECK(ce.score == 0);
}

TEST_CASE("Scores: all or nothing without points; per test and per group with them; tests not run score nothing") {
  Problem plain;
  SubmissionReport all_pass = with({ran(Verdict::AC), ran(Verdict::AC, 7)});
  conclude(plain, {PlannedTest{}, PlannedTest{}}, all_pass);
  CHECK(all_pass.score == 1);
  CHECK(all_pass.max_score == 1);
  CHECK(all_pass.max_cpu == Micros(7000));

  Problem grouped;
  grouped.groups = {{"big", 30}};
  std::vector<PlannedTest> planned = {{10, ""}, {0, "big"}, {0, "big"}, {5, ""}};
  SubmissionReport r = with({ran(Verdict::AC), ran(Verdict::AC), ran(Verdict::AC)});  // the 4th did not run
  conclude(grouped, planned, r);
  CHECK(r.score == 40);
  CHECK(r.max_score == 45);
  SubmissionReport group_fails = with({ran(Verdict::AC), ran(Verdict::WA), ran(Verdict::AC), ran(Verdict::AC)});
  conclude(grouped, planned, group_fails);
  CHECK(group_fails.score == 15);
}
