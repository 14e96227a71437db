#include <doctest/doctest.h>

#include "judge/python_host.hpp"
#include "judge/redact.hpp"

using namespace pyjudge;

namespace {

TestReport failed_hidden(Verdict v) {
  TestReport t;
  t.name = "big-7";
  t.sample = false;
  t.verdict = v;
  t.cpu = Micros(1500);
  t.message = "ValueError: 918273645 is not allowed";
  t.input = "solve(918273645)";
  t.expected = "1";
  t.got = "[918273645]";
  t.diff = "-1\n+[918273645]";
  t.traceback = "Traceback ... line 1000000007";
  t.stderr_text = "918273645";
  t.error_line = 1000000007;
  return t;
}

}  // namespace

TEST_CASE("A candidate sees a hidden test's name, verdict, figures and a closed-vocabulary message") {
  TestReport t = failed_hidden(Verdict::RE);
  t.raised = true;
  TestReport c = redacted(t, Audience::Candidate);
  CHECK(c.name == "big-7");
  CHECK(c.verdict == Verdict::RE);
  CHECK(c.cpu == Micros(1500));
  CHECK(c.message == "an exception of the solution's own class on a hidden test");
  CHECK(c.input.empty());
  CHECK(c.expected.empty());
  CHECK(c.got.empty());
  CHECK(c.diff.empty());
  CHECK(c.traceback.empty());
  CHECK(c.stderr_text.empty());
  CHECK_FALSE(c.error_line);
  CHECK(c.hidden_redacted);
  t.builtin_exception = host::builtin_exception("builtins", "ValueError");
  CHECK(redacted(t, Audience::Candidate).message == "ValueError on a hidden test");
  CHECK(redacted(failed_hidden(Verdict::WA), Audience::Candidate).message == "wrong answer on a hidden test");
  CHECK(redacted(failed_hidden(Verdict::RE), Audience::Candidate).message == "runtime error on a hidden test");
}

TEST_CASE("A grader and a sample test keep every detail") {
  TestReport t = failed_hidden(Verdict::WA);
  CHECK(redacted(t, Audience::Grader).got == "[918273645]");
  t.sample = true;
  CHECK(redacted(t, Audience::Candidate).got == "[918273645]");
}

TEST_CASE("Only names on the judge's own list of builtin exceptions are named") {
  CHECK(host::builtin_exception("builtins", "KeyError") == "KeyError");
  CHECK_FALSE(host::builtin_exception("builtins", "len"));
  CHECK_FALSE(host::builtin_exception("solution", "KeyError"));
  CHECK_FALSE(host::builtin_exception("builtins", "918273645"));
}
