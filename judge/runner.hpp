// The seam between judging logic and processes: the real runner spawns a box; tests use a fake
// that returns canned outcomes.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <variant>

#include "judge/errors.hpp"
#include "protocol/messages.hpp"

namespace pyjudge {


class Runner {
 public:
  virtual ~Runner() = default;
  /// Starts a box for one submission. A SyntaxError comes back as CompileError.
  virtual std::variant<Ready, CompileError> start(const Setup& setup) = 0;
  /// Queues one test; the box runs queued tests in order, each in a fresh child. Queueing the
  /// next test before reading this one's outcome lets the box work while the judge compares.
  virtual void submit(const RunTest& test) = 0;
  /// The outcome of the oldest submitted test not yet returned. Throws JudgeError if the box
  /// fails.
  virtual TestOutcome next_outcome() = 0;
  /// Queues one interactive test (`test.interactive`): the test's child gets `child_stdin` and
  /// `child_stdout` (pipe ends to and from the interactor) as its stdin and stdout. The caller
  /// keeps and closes its own copies. Throws JudgeError where the runner cannot do it.
  virtual void submit_interactive(const RunTest& test, int child_stdin, int child_stdout);
  /// Runs one test and waits for it.
  TestOutcome run(const RunTest& test) {
    submit(test);
    return next_outcome();
  }
};

/// Spawns `pyjudge-box` (found next to the running executable) with Boost.Process.
class BoxRunner final : public Runner {
 public:
  BoxRunner();
  ~BoxRunner() override;
  std::variant<Ready, CompileError> start(const Setup& setup) override;
  void submit(const RunTest& test) override;
  TestOutcome next_outcome() override;
  void submit_interactive(const RunTest& test, int child_stdin, int child_stdout) override;

  /// Spawns a box now, before its submission is known: it makes its namespaces and starts CPython
  /// while the judge loads the problem, then waits for its Setup. The next BoxRunner::start() in
  /// this process takes it instead of spawning one; one left unused is killed at exit.
  static void spawn_ahead();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Creates the runner for one submission (a fresh box each time).
using RunnerFactory = std::function<std::unique_ptr<Runner>()>;

/// The real RunnerFactory: a fresh BoxRunner.
inline std::unique_ptr<Runner> make_box_runner() { return std::make_unique<BoxRunner>(); }

}  // namespace pyjudge
