// The seam between judging logic and processes: the real runner spawns a box; tests use a fake
// that returns canned outcomes.
#pragma once

#include <stdexcept>
#include <variant>

#include "protocol/messages.hpp"

namespace pyjudge {

/// A fault of the judge or its box (never of the candidate): the verdict becomes IE.
struct JudgeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Runner {
 public:
  virtual ~Runner() = default;
  /// Starts a box for one submission. A SyntaxError comes back as CompileError.
  virtual std::variant<Ready, CompileError> start(const Setup& setup) = 0;
  /// Runs one test in a fresh child of the box. Throws JudgeError if the box fails.
  virtual TestOutcome run(const RunTest& test) = 0;
};

/// Spawns `pyjudge-box` (found next to the running executable) with Boost.Process.
class BoxRunner final : public Runner {
 public:
  BoxRunner();
  ~BoxRunner() override;
  std::variant<Ready, CompileError> start(const Setup& setup) override;
  TestOutcome run(const RunTest& test) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pyjudge
