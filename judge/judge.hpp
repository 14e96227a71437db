// Judging one submission: spec -> tests -> box -> per-test child -> raw result -> comparison ->
// verdict -> report. This file is the orchestration; each step lives in its own file.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "judge/runner.hpp"
#include "judge/spec.hpp"
#include "judge/verdict.hpp"

namespace pyjudge {

struct TestReport {
  std::string name;
  bool sample = false;
  Verdict verdict = Verdict::IE;
  Micros cpu{0};
  Micros wall{0};
  Bytes memory;
  bool memory_from_cgroup = false;  ///< `memory` is the cgroup's peak (else rusage net of baseline)
  Bytes rusage_memory;              ///< rusage peak net of the baseline, measured either way
  std::string message;  ///< full detail, bounded; redacted() replaces it for a candidate
  // Kept for every failed test, bounded by the judge; redacted() drops them from a hidden test
  // for a candidate (judge/redact.hpp).
  std::string input, expected, got, diff, traceback, stderr_text;
  std::optional<std::int64_t> error_line;  ///< line of the candidate's file where it failed
  bool raised = false;  ///< the run ended in an exception the test did not expect (any class)
  /// That exception's class, only when it is on the judge's closed list of builtin exceptions.
  std::optional<std::string_view> builtin_exception;
  bool hidden_redacted = false;  ///< a hidden test as a candidate sees it (redacted())
};

struct SubmissionReport {
  std::string problem;
  std::string solution;
  Verdict verdict = Verdict::IE;
  int passed = 0;
  int total = 0;
  Micros max_cpu{0};
  Micros max_wall{0};
  Bytes max_memory;
  Limits limits;
  std::vector<TestReport> tests;
  // Points: per test and per group when the problem gives them (a group scores only if all its
  // tests pass); otherwise all-or-nothing: 1 of 1 when accepted.
  std::int64_t score = 0, max_score = 1;
  std::string compile_error;  ///< formatted like Python prints a SyntaxError
  std::optional<std::int64_t> compile_error_line;
  std::string internal_error;
  std::string python_version;
  std::vector<std::string> layers, missing_layers;
};

struct JudgeOptions {
  bool stop_on_failure = false;
  /// Sandbox layers that must be active ("namespaces", "landlock", ...): a box without one of
  /// them judges nothing and the submission is IE, naming the layer and why it is missing.
  std::vector<std::string> required_layers;
  std::function<void(const TestReport&)> on_test;  ///< called as each test finishes
};

/// Creates the runner for one submission (a fresh box each time).
using RunnerFactory = std::function<std::unique_ptr<Runner>()>;

/// Reads the solution file and judges it on every test of `problem` (generated ones included).
SubmissionReport judge_file(const Problem& problem, const std::filesystem::path& solution,
                            const RunnerFactory& make_runner, const JudgeOptions& options);

/// Judges a solution file on tests already prepared by all_tests(): validate and batch prepare
/// them once per problem and judge many solutions.
SubmissionReport judge_file(const Problem& problem, const std::vector<TestCase>& tests,
                            const std::filesystem::path& solution, const RunnerFactory& make_runner,
                            const JudgeOptions& options);

/// Judges source already in memory; `filename` is what tracebacks show.
SubmissionReport judge_source(const Problem& problem, const std::vector<TestCase>& tests,
                              const std::string& filename, const std::string& source,
                              Runner& runner, const JudgeOptions& options);

/// The problem's written tests plus its generated ones, whose expected values come from running
/// the reference solution in a box. Throws JudgeError if the reference fails.
std::vector<TestCase> all_tests(const Problem& problem, const RunnerFactory& make_runner);

/// The generated tests' inputs (no expected values yet), straight from the generators. Throws
/// JudgeError if a generator fails.
std::vector<TestCase> generated_inputs(const Problem& problem);

}  // namespace pyjudge
