#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "batch/outputs.hpp"
#include "tests/e2e/pyjudge_process.hpp"

using namespace pyjudge;
using namespace pyjudge::batch;
using pyjudge::e2e::slurp;
using pyjudge::e2e::TempDir;

namespace {

Record rec(std::string candidate, std::string problem, Verdict v, std::string message = "") {
  Record r;
  r.candidate = std::move(candidate);
  r.problem = std::move(problem);
  r.file = r.candidate + "/" + r.problem + ".py";
  r.verdict = v;
  r.total = 1;
  r.passed = v == Verdict::AC;
  r.score = r.passed;
  TestRecord t;
  t.name = "t1";
  t.verdict = v;
  t.message = std::move(message);
  t.line = 3;
  r.tests.push_back(t);
  return r;
}

}  // namespace

TEST_CASE("CSV cells are quoted and a leading formula character is neutralised") {
  TempDir tmp("csv");
  write_csv(tmp.path / "g.csv", make_gradebook({rec("=HYPERLINK(\"x\")", "two-sum", Verdict::WA, "a,b\nc")}));
  std::string csv = slurp(tmp.path / "g.csv");
  CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
  CHECK(csv.find("\"t1: a,b\nc\"") != std::string::npos);
  CHECK(csv.find(",WA,0,1,") != std::string::npos);
}

TEST_CASE("JUnit XML escapes candidate text and counts failures and errors per suite") {
  Records rs = {rec("<eve>", "p", Verdict::WA, "got \"&\""), rec("bob", "p", Verdict::IE, "boom")};
  rs[0].tests[0].got = "</failure><x>";
  std::string xml = junit_xml(rs);
  CHECK(xml.find("<eve>") == std::string::npos);
  CHECK(xml.find("&lt;eve&gt;/p") != std::string::npos);
  CHECK(xml.find("&lt;/failure&gt;&lt;x&gt;") != std::string::npos);
  CHECK(xml.find("tests=\"2\" failures=\"1\" errors=\"1\"") != std::string::npos);
}

TEST_CASE("GitHub annotations: one per failure, with its line, and candidate text never starts a line") {
  Records rs = {rec("a", "p", Verdict::AC), rec("b", "p", Verdict::WA, "x\n::error::forged")};
  rs[1].file = "b/p,q.py";
  std::string out = github_annotations(rs);
  CHECK(out == "::error file=b/p%2Cq.py,line=3,title=pyjudge%3A WA on p::t1: x%0A::error::forged\n");
  CHECK_FALSE(failing_line(rs[0]).has_value());  // an accepted record points at no line
  Record ce = rec("c", "p", Verdict::CE);
  ce.tests.clear();
  ce.compile_error = CompileErrorRecord{"invalid syntax", "SyntaxError", 9};
  CHECK(failing_line(ce) == 9);
  CHECK(first_failure(ce) == "compile error: invalid syntax");
}

TEST_CASE("The step summary is a Markdown table whose cells candidate text cannot break") {
  std::string md = markdown_summary({rec("a", "p", Verdict::WA, "a | b [x](y)")});
  CHECK(md.starts_with("### pyjudge: 0 of 1 solutions accepted"));
  CHECK(md.find("a   b \\[x\\](y)") != std::string::npos);
}

TEST_CASE("The step summary is appended to what earlier steps wrote, never cut") {
  TempDir dir("step-summary");
  auto file = dir.path / "summary.md";
  { std::ofstream(file) << "earlier step\n"; }
  append_step_summary(file, {rec("a", "p", Verdict::AC)});
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.starts_with("earlier step\n### pyjudge: 1 of 1 solutions accepted"));
  CHECK_THROWS_AS(append_step_summary(dir.path / "no-such-folder" / "summary.md", {}), std::runtime_error);
}
