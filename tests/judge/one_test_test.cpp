#include <doctest/doctest.h>

#include "judge/one_test.hpp"
#include "tests/judge/fake_runner.hpp"

using namespace pyjudge;
using pyjudge::testing::returning;

namespace {

Problem function_problem() {
  Problem p;
  p.id = "demo";
  p.mode = Mode::Function;
  p.entry = "f";
  return p;
}

TestCase sample(std::int64_t expected) {
  TestCase t;
  t.name = "s";
  t.sample = true;
  t.input.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_int(expected)}));
  t.expected = Value::of_int(expected);
  return t;
}

const SourceFile kFile{"sol.py", "def f(x): return x\n"};

}  // namespace

TEST_CASE("One test is judged from its outcome alone: the same inputs give the same report") {
  Problem p = function_problem();
  TestCase t = sample(4);
  TestReport a = judge_test(p, kFile, t, returning(Value::of_int(5)));
  TestReport b = judge_test(p, kFile, t, returning(Value::of_int(5)));
  CHECK(a.verdict == Verdict::WA);
  CHECK(a.got == "5");
  CHECK(a.expected == "4");
  CHECK(b.got == a.got);
  CHECK(b.message == a.message);
  CHECK(a.cpu == Micros(3000));
  CHECK(a.memory == mib(2));
}

TEST_CASE("A test that must raise and returns shows its own value, whatever was judged before it") {
  Problem p = function_problem();
  CHECK(judge_test(p, kFile, sample(5), returning(Value::of_int(5))).verdict == Verdict::AC);
  TestCase must_raise = sample(0);
  must_raise.expected.reset();
  must_raise.raises = "ValueError";
  TestReport r = judge_test(p, kFile, must_raise, returning(Value::of_int(7)));
  CHECK(r.verdict == Verdict::WA);
  CHECK(r.got == "7");
  CHECK(r.expected == "raises ValueError");
  CHECK(r.message == "expected ValueError to be raised, but the code finished");
}

TEST_CASE("A run the classifier rejects is not compared: a timeout is TLE with no got") {
  Problem p = function_problem();
  TestOutcome o = returning(Value::of_int(5));
  o.killed_by = KilledBy::CpuTime;
  o.signaled = true;
  o.status = 9;
  o.user = Micros(1'500'000);
  TestReport r = judge_test(p, kFile, sample(5), o);
  CHECK(r.verdict == Verdict::TLE);
  CHECK(r.got.empty());
  CHECK(r.input == "f(5)");
}

TEST_CASE("A forged report on the result channel is the candidate's runtime error") {
  Problem p = function_problem();
  TestOutcome forged = returning(Value::none());
  forged.report = "not a report";
  CHECK(judge_test(p, kFile, sample(1), forged).verdict == Verdict::RE);
}

TEST_CASE("A passing sample keeps what it printed, escaped; a hidden test's prints are not kept") {
  Problem p = function_problem();
  TestOutcome o = returning(Value::of_int(1));
  o.stdout_data = "debug\x1b[2J\n";
  TestReport shown = judge_test(p, kFile, sample(1), o);
  CHECK(shown.verdict == Verdict::AC);
  CHECK(shown.stdout_text.find('\x1b') == std::string::npos);
  CHECK(shown.stdout_text.find("debug") == 0);
  TestCase hidden = sample(1);
  hidden.sample = false;
  CHECK(judge_test(p, kFile, hidden, o).stdout_text.empty());
}
