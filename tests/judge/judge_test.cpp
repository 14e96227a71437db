#include <doctest/doctest.h>

#include <fmt/format.h>

#include "batch/outputs.hpp"
#include "judge/judge.hpp"
#include "judge/redact.hpp"
#include "judge/report.hpp"
#include "tests/judge/fake_runner.hpp"

using namespace pyjudge;
using pyjudge::testing::FakeRunner;
using pyjudge::testing::judge_with;
using pyjudge::testing::returning;

namespace {

Problem problem_with(std::vector<TestCase> tests) {
  Problem p;
  p.id = "demo";
  p.mode = Mode::Function;
  p.entry = "f";
  p.tests = std::move(tests);
  return p;
}

TestCase test(const char* name, bool sample, std::int64_t expected) {
  TestCase t;
  t.name = name;
  t.sample = sample;
  t.input.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_int(expected)}));
  t.expected = Value::of_int(expected);
  return t;
}

}  // namespace

TEST_CASE("A sample failure shows input, expected and got; a hidden one shows a candidate none of them") {
  Problem p = problem_with({test("sample-1", true, 41), test("hidden-1", false, 42)});
  FakeRunner runner;
  runner.outcomes = {returning(Value::of_int(7)), returning(Value::of_int(8))};
  SubmissionReport full = judge_with(runner, p, p.tests, "sol.py", "def f(x): return 7\n");
  CHECK(full.tests[1].expected == "42");  // kept for a grader
  CHECK(to_json(redacted(full, Audience::Grader))["tests"][1]["got"] == "8");
  SubmissionReport r = redacted(full, Audience::Candidate);
  REQUIRE(r.tests.size() == 2);
  CHECK(r.verdict == Verdict::WA);
  CHECK(r.passed == 0);
  CHECK(r.tests[0].expected == "41");
  CHECK(r.tests[0].got == "7");
  CHECK(r.tests[0].input == "f(41)");
  CHECK(r.tests[1].expected.empty());
  CHECK(r.tests[1].got.empty());
  CHECK(r.tests[1].input.empty());
  CHECK(r.tests[1].message.find("42") == std::string::npos);
  nlohmann::json j = to_json(r);
  CHECK(j["tests"][0].contains("expected"));
  CHECK_FALSE(j["tests"][1].contains("expected"));
  CHECK_FALSE(j["tests"][1].contains("got"));
}

TEST_CASE("The box never receives an expected value") {
  Problem p = problem_with({test("t", false, 123456789)});
  p.tests[0].input.args = EncodedValue(Value::sequence(Value::Kind::List, {}));
  FakeRunner runner;
  runner.outcomes = {returning(Value::of_int(0))};
  judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n");
  REQUIRE(runner.received.size() == 1);
  Writer w;
  encode(Value::of_int(123456789), w);
  CHECK(encode(runner.received[0]).find(w.data()) == std::string::npos);
  // The search finds the value's encoding where it is sent: the check above can fail.
  RunTest with_value = runner.received[0];
  with_value.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_int(123456789)}));
  CHECK(encode(with_value).find(w.data()) != std::string::npos);
}

TEST_CASE("A failing sample shows what this test returned, never the previous test's value") {
  TestCase first = test("returns-5", true, 5);
  TestCase second = test("must-raise", true, 0);
  second.expected.reset();
  second.raises = "ValueError";
  Problem p = problem_with({first, second});
  FakeRunner runner;
  runner.outcomes = {returning(Value::of_int(5)), returning(Value::of_int(7))};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n");
  REQUIRE(r.tests.size() == 2);
  CHECK(r.tests[0].verdict == Verdict::AC);
  CHECK(r.tests[1].verdict == Verdict::WA);
  CHECK(r.tests[1].got == "7");
  CHECK(r.tests[1].expected == "raises ValueError");
}

TEST_CASE("The JSON report carries the documented fields") {
  Problem p = problem_with({test("t1", true, 1)});
  FakeRunner runner;
  runner.outcomes = {returning(Value::of_int(1))};
  nlohmann::json j = to_json(judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n"));
  for (const char* key : {"schema", "problem", "solution", "verdict", "passed", "total", "time_ms", "memory_kib", "tests"}) {
    CAPTURE(key);
    CHECK(j.contains(key));
  }
  CHECK(j["verdict"] == "AC");
  CHECK(j["time_ms"] == 3.0);
  CHECK(j["memory_kib"] == 2048);
  for (const char* key : {"name", "verdict", "time_ms", "wall_ms", "memory_kib", "sample", "message"}) {
    CAPTURE(key);
    CHECK(j["tests"][0].contains(key));
  }
}

TEST_CASE("A compile error is reported with line and caret, and no test runs") {
  Problem p = problem_with({test("t1", true, 1)});
  FakeRunner runner;
  runner.start_result = CompileError{"invalid syntax", "SyntaxError", 2, 7, 8};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "x = 1\ndef f(:\n");
  CHECK(r.verdict == Verdict::CE);
  CHECK(r.compile_error == "  File \"sol.py\", line 2\n    def f(:\n          ^\nSyntaxError: invalid syntax");
  CHECK(runner.received.empty());
}

TEST_CASE("A compile error keeps its kind: an IndentationError is not called a SyntaxError in JUnit") {
  Problem p = problem_with({test("t1", true, 1)});
  FakeRunner runner;
  runner.start_result = CompileError{"expected an indented block", "IndentationError", 2, 1, 0};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x):\nreturn x\n");
  nlohmann::json j = to_json(r);
  CHECK(j["compile_error"]["kind"] == "IndentationError");
  j["candidate"] = "ann";
  std::string xml = pyjudge::batch::junit_xml({pyjudge::batch::record_from_json(j)});
  CHECK(xml.find("message=\"IndentationError\"") != std::string::npos);
  CHECK(xml.find("SyntaxError") == std::string::npos);
}

TEST_CASE("A corrupted result channel is the candidate's runtime error, not an internal one") {
  Problem p = problem_with({test("t1", true, 1)});
  FakeRunner runner;
  TestOutcome o = returning(Value::of_int(1));
  o.report = "forged bytes";
  runner.outcomes = {o};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n");
  CHECK(r.verdict == Verdict::RE);
}

TEST_CASE("A runtime error on a hidden test names the builtin exception, not its message or line") {
  Problem p = problem_with({test("hidden-1", false, 42)});
  FakeRunner runner;
  TestOutcome o = returning(Value::none());
  o.status = 1;
  RaisedException e{"KeyError", "builtins", {"builtins.KeyError"}, "'secret-key-987'", {}};
  e.frames.push_back(TraceFrame{"sol.py", 2, "f"});
  o.report = encode(ChildReport{e});
  runner.outcomes = {o};
  SubmissionReport r = redacted(judge_with(runner, p, p.tests, "sol.py", "def f(x):\n    return {}[x]\n"),
                                Audience::Candidate);
  REQUIRE(r.tests.size() == 1);
  CHECK(r.tests[0].verdict == Verdict::RE);
  CHECK(r.tests[0].message == "KeyError on a hidden test");
  CHECK(to_json(r).dump().find("secret-key-987") == std::string::npos);
  CHECK_FALSE(to_json(r)["tests"][0].contains("line"));
}

TEST_CASE("Scores: all-or-nothing by default, per test and per group when the problem says") {
  TestCase a = test("a", false, 1), b = test("b", false, 2), c = test("c", false, 3);
  Problem plain = problem_with({a, b});
  FakeRunner r1;
  r1.outcomes = {returning(Value::of_int(1)), returning(Value::of_int(0))};
  SubmissionReport rep = judge_with(r1, plain, plain.tests, "sol.py", "def f(x): return x\n");
  CHECK(rep.score == 0);
  CHECK(rep.max_score == 1);

  // a: 10 points alone; b and c form the group "big" worth 30: c fails, so the group scores 0.
  a.points = 10;
  b.group = c.group = "big";
  Problem scored = problem_with({a, b, c});
  scored.groups = {{"big", 30}};
  FakeRunner r2;
  r2.outcomes = {returning(Value::of_int(1)), returning(Value::of_int(2)), returning(Value::of_int(0))};
  rep = judge_with(r2, scored, scored.tests, "sol.py", "def f(x): return x\n");
  CHECK(rep.score == 10);
  CHECK(rep.max_score == 40);
  CHECK(to_json(rep)["score"] == 10);
  FakeRunner r3;
  r3.outcomes = {returning(Value::of_int(0)), returning(Value::of_int(2)), returning(Value::of_int(3))};
  rep = judge_with(r3, scored, scored.tests, "sol.py", "def f(x): return x\n");
  CHECK(rep.score == 30);
}

TEST_CASE("With a shared child, a failing test is judged again in a fresh one, after the test queued behind it") {
  Problem p = problem_with({test("a", true, 1), test("b", true, 2), test("c", true, 3)});
  FakeRunner runner;
  Ready shared{"3.11 (fake)", {{"seccomp", LayerState::Active, ""}}};
  shared.isolation = Isolation::Shared;
  runner.start_result = shared;
  TestOutcome first = returning(Value::of_int(1));
  first.ran_setup = true;
  first.first_in_child = true;
  first.setup_cpu = Micros(2500);
  first.setup_memory = mib(3);
  // b fails in the shared child (state from a), c's outcome is already queued, then b's re-run.
  runner.outcomes = {first, returning(Value::of_int(99)), returning(Value::of_int(3)), returning(Value::of_int(2))};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n");
  REQUIRE(runner.received.size() == 4);
  CHECK_FALSE(runner.received[1].fresh);
  CHECK_FALSE(runner.received[2].fresh);
  CHECK(runner.received[3].fresh);
  REQUIRE(r.tests.size() == 3);
  CHECK(r.verdict == Verdict::AC);
  CHECK(r.tests[1].rerun);
  CHECK_FALSE(r.tests[2].rerun);
  REQUIRE(r.setup);
  CHECK(r.setup->cpu == Micros(2500));
  nlohmann::json j = to_json(r);
  CHECK(j["setup"]["memory_kib"] == 3072);
  CHECK(j["tests"][1]["rerun"] == true);
  CHECK_FALSE(j["tests"][0].contains("rerun"));
}

TEST_CASE("A test that failed as the first in its child is not run again") {
  Problem p = problem_with({test("a", true, 1)});
  FakeRunner runner;
  Ready shared{"3.11 (fake)", {{"seccomp", LayerState::Active, ""}}};
  shared.isolation = Isolation::Shared;
  runner.start_result = shared;
  TestOutcome only = returning(Value::of_int(5));
  only.first_in_child = true;
  runner.outcomes = {only};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n");
  CHECK(runner.received.size() == 1);
  CHECK(r.verdict == Verdict::WA);
}

TEST_CASE("With a child per test, a failure is final: no re-run") {
  Problem p = problem_with({test("a", true, 1)});
  FakeRunner runner;  // Ready.isolation defaults to Process
  runner.outcomes = {returning(Value::of_int(5))};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n");
  CHECK(runner.received.size() == 1);
  CHECK(r.verdict == Verdict::WA);
  CHECK_FALSE(r.tests[0].rerun);
}

TEST_CASE("An empty file is an empty submission, not a missing entry on every test") {
  Problem p = problem_with({test("t1", true, 1)});
  FakeRunner runner;
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", " \n\n\t\n");
  CHECK(r.verdict == Verdict::CE);
  CHECK(r.compile_error == "empty submission: sol.py has no code");
  CHECK(r.compile_error_kind == "EmptySubmission");
  CHECK(r.total == 1);
  CHECK(runner.received.empty());
}

TEST_CASE("A sink hears start with the total, each test as it finishes, then the end report") {
  Problem p = problem_with({test("a", true, 1), test("b", false, 2), test("c", false, 3)});
  FakeRunner runner;
  runner.outcomes = {returning(Value::of_int(1)), returning(Value::of_int(5)), returning(Value::of_int(3))};
  struct Recorder final : JudgeSink {
    std::vector<std::string> events;
    void start(const JudgeStart& s) override { events.push_back(fmt::format("start {} {}", s.solution, s.total)); }
    void test_finished(const TestReport& t) override { events.push_back("test " + t.name + " " + t.got); }
    void end(const SubmissionReport& r) override { events.push_back(fmt::format("end {}", verdict_code(r.verdict))); }
  } recorder;
  JudgeOptions options;
  options.stop_on_failure = true;
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n", options, &recorder);
  CHECK(recorder.events == std::vector<std::string>{"start sol.py 3", "test a ", "test b 5", "end WA"});
  CHECK(r.total == 3);
}

TEST_CASE("A redacting sink passes a candidate each hidden test and the end report without their data") {
  Problem p = problem_with({test("hidden-1", false, 42)});
  FakeRunner runner;
  runner.outcomes = {returning(Value::of_int(8))};
  struct Recorder final : JudgeSink {
    std::string shown;
    void test_finished(const TestReport& t) override { shown += to_json(t).dump(); }
    void end(const SubmissionReport& r) override { shown += to_json(r).dump(); }
  } recorder;
  RedactingSink candidate(Audience::Candidate, recorder);
  SubmissionReport full = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n", {}, &candidate);
  CHECK(full.tests[0].expected == "42");  // the caller's report is the judge's, whole
  CHECK(recorder.shown.find("wrong answer on a hidden test") != std::string::npos);
  CHECK(recorder.shown.find("\"42\"") == std::string::npos);
  CHECK(recorder.shown.find("\"expected\"") == std::string::npos);
  CHECK(recorder.shown.find("\"got\"") == std::string::npos);
}

TEST_CASE("Required layers go to the box; one the box reports missing makes the submission IE, no test sent") {
  Problem p = problem_with({test("t1", true, 1)});
  FakeRunner runner;
  runner.start_result = Ready{"3.11 (fake)",
                              {{"seccomp", LayerState::Active, ""}, {"landlock", LayerState::Missing, "kernel lacks it"}}};
  JudgeOptions options;
  options.required_layers = {"seccomp", "landlock"};
  SubmissionReport r = judge_with(runner, p, p.tests, "sol.py", "def f(x): return x\n", options);
  CHECK(runner.setup.required_layers == std::vector<std::string>{"seccomp", "landlock"});
  CHECK(r.verdict == Verdict::IE);
  CHECK(r.internal_error == "required sandbox layer 'landlock' is not available on this host: kernel lacks it");
  CHECK(runner.received.empty());
  nlohmann::json j = to_json(r);
  CHECK(j["sandbox"]["layers"] == nlohmann::json::array({"seccomp"}));
  CHECK(j["sandbox"]["missing"] == nlohmann::json::array({"landlock: kernel lacks it"}));
  CHECK(j["sandbox"]["status"][1]["state"] == "missing");
}
