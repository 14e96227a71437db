// Judging one submission: spec -> tests -> box -> per-test child -> raw result -> comparison ->
// verdict -> report. This file is the orchestration; each step lives in its own file.
#pragma once

#include <atomic>
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
  bool custom = false;  ///< the user's own input: input, expected and got shown whatever the verdict
  Verdict verdict = Verdict::IE;
  Micros cpu{0};
  Micros wall{0};
  Bytes memory;
  bool memory_from_cgroup = false;  ///< `memory` is the cgroup's peak (else rusage net of baseline)
  Bytes rusage_memory;              ///< rusage peak net of the baseline, measured either way
  bool rerun = false;  ///< failed in a shared child and judged again in a fresh one: these are the fresh run's
  std::string message;  ///< full detail, bounded; redacted() replaces it for a candidate
  // Kept for every failed test, bounded by the judge; redacted() drops them from a hidden test
  // for a candidate (judge/redact.hpp).
  std::string input, expected, got, diff, traceback, stderr_text;
  /// What the solution printed (function, design and script modes; stdio's output is `got`),
  /// cut to kShownStdout bytes and escaped for display. Sample and custom tests only.
  std::string stdout_text;
  std::optional<std::int64_t> error_line;  ///< line of the candidate's file where it failed
  std::string author_message;  ///< a package validator's judge message: for authors (validate), never candidates
  bool raised = false;  ///< the run ended in an exception the test did not expect (any class)
  /// That exception's class, only when it is on the judge's closed list of builtin exceptions.
  std::optional<std::string_view> builtin_exception;
  bool hidden_redacted = false;  ///< a hidden test as a candidate sees it (redacted())
};

/// The candidate's module, run once per child before its first test (function, design and
/// script modes): its CPU and memory, also counted in the first test's figures and limits.
struct SetupReport {
  Micros cpu{0};
  Bytes memory;
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
  std::string compile_error_kind;  ///< SyntaxError, IndentationError, TabError, SourceTooLarge, ...
  std::string internal_error;
  std::string python_version;
  std::vector<std::string> layers, missing_layers;
  std::optional<SetupReport> setup;  ///< the first child's module set-up
  std::optional<Isolation> isolation;  ///< what the box applied (shared falls back to process without a cgroup)
};

/// How much of a test's stdout a report shows.
inline constexpr std::size_t kShownStdout = 8 * 1024;

class TestCache;

struct JudgeOptions {
  bool stop_on_failure = false;
  /// Only the problem's sample tests: no generated tests, nothing to prepare.
  bool samples_only = false;
  /// Where prepared tests (generated inputs, the reference's expected values) are kept between
  /// runs; null prepares them afresh every time.
  const TestCache* cache = nullptr;
  /// Sandbox layers that must be active ("namespaces", "landlock", ...): a box without one of
  /// them judges nothing and the submission is IE, naming the layer and why it is missing.
  std::vector<std::string> required_layers;
  std::function<void(const TestReport&)> on_test;  ///< called as each test finishes
  /// Called when the written tests are done and the generated ones are still being prepared
  /// (a message such as "preparing 12 generated tests: generators and the reference solution").
  std::function<void(const std::string&)> on_preparing;
};

/// Creates the runner for one submission (a fresh box each time).
using RunnerFactory = std::function<std::unique_ptr<Runner>()>;

/// Reads the solution file and judges it on every test of `problem` (generated ones included):
/// the candidate's box starts first (a compile error comes back before anything is prepared),
/// the written tests run and stream while the generated ones are prepared on another thread
/// (or read from options.cache), then the generated ones run. `total` counts every test, run
/// or not (stop on failure).
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
/// the reference solution in a box (or from `cache`). Throws JudgeError if the reference fails.
std::vector<TestCase> all_tests(const Problem& problem, const RunnerFactory& make_runner,
                                const TestCache* cache = nullptr);

/// The generated tests with their expected values: from `cache` when it holds this problem
/// version, else generated, run through the reference and stored. Stops early (returning what
/// it has, unstored) once `cancel` is set. Throws JudgeError if a generator or the reference
/// fails.
std::vector<TestCase> generated_tests(const Problem& problem, const RunnerFactory& make_runner,
                                      const TestCache* cache, const std::atomic<bool>* cancel = nullptr);

/// The generated tests' names, origins and groups, without running anything: what a report
/// counts before they are prepared.
std::vector<TestCase> planned_generated_tests(const Problem& problem);

/// The generated tests' inputs (no expected values yet), straight from the generators. Throws
/// JudgeError if a generator fails. When turned on, shows "gen.py size 1000: 3/5" on a terminal.
std::vector<TestCase> generated_inputs(const Problem& problem, const std::atomic<bool>* cancel = nullptr);

/// Whether generated_inputs() shows its progress on stderr when that is a terminal (default:
/// no). `validate` turns it on: it prepares tests before it prints anything; `run` prepares them
/// while it prints the written tests' lines, and a batch has its own progress bar.
void show_generation_progress(bool on);

/// Runs the problem's reference solution on `tests` in `runner` and stores what it returned
/// (printed, in stdio mode) as each test's expected value. A custom test on which the reference
/// raises expects that exception (function, design, script modes). Throws JudgeError if the
/// reference fails otherwise, UsageError if it fails on a custom test.
void fill_expected(const Problem& problem, std::vector<TestCase>& tests, Runner& runner,
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace pyjudge
