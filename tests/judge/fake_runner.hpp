// The Runner seam for unit tests: a fake box returning canned outcomes (ninja's
// FakeCommandRunner), and judge_submission() through a test's own runner, which stays the
// test's to inspect.
#pragma once

#include <deque>

#include "judge/judge.hpp"

namespace pyjudge::testing {

/// Returns canned outcomes, so comparison, classification and reporting run without a process.
class FakeRunner final : public Runner {
 public:
  std::variant<Ready, CompileError> start_result = Ready{"3.11 (fake)", {{"seccomp", LayerState::Active, ""}}};
  std::deque<TestOutcome> outcomes;
  std::vector<RunTest> received;
  Setup setup;  ///< what start() was given

  std::variant<Ready, CompileError> start(const Setup& s) override {
    setup = s;
    return start_result;
  }
  void submit(const RunTest& test) override { received.push_back(test); }
  TestOutcome next_outcome() override {
    TestOutcome o = outcomes.front();
    outcomes.pop_front();
    return o;
  }
};

/// A child that returned `v` in 3 ms of CPU, holding 2 MiB over its baseline.
inline TestOutcome returning(Value v) {
  TestOutcome o;
  o.user = Micros(3000);
  o.wall = Micros(4000);
  o.baseline = mib(20);
  o.max_rss = mib(22);
  o.report = encode(ChildReport{Returned{std::move(v)}});
  return o;
}

class LentRunner final : public Runner {
 public:
  explicit LentRunner(Runner& r) : r_(r) {}
  std::variant<Ready, CompileError> start(const Setup& s) override { return r_.start(s); }
  void submit(const RunTest& t) override { r_.submit(t); }
  TestOutcome next_outcome() override { return r_.next_outcome(); }

 private:
  Runner& r_;
};

/// judge_submission() on `tests` with `runner` as the candidate's box.
inline SubmissionReport judge_with(Runner& runner, const Problem& p, const std::vector<TestCase>& tests,
                                   const std::string& filename, const std::string& source, JudgeOptions options = {},
                                   JudgeSink* sink = nullptr) {
  options.tests = &tests;
  options.make_runner = [&runner] { return std::unique_ptr<Runner>(std::make_unique<LentRunner>(runner)); };
  JudgeSink none;
  return judge_submission(p, SourceFile{filename, source}, options, sink ? *sink : none);
}

}  // namespace pyjudge::testing
