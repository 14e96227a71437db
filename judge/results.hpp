// What judging produces: one TestReport per test, one SubmissionReport per submission. Every
// output (text, JSON, batch records, the server's events) is made from these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  /// An interactive test's interactor, accounted apart from the solution's figures above.
  std::optional<Micros> interactor_cpu, interactor_wall;
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
  std::vector<LayerStatus> sandbox;  ///< every layer as the box reported it, in its order
  std::optional<SetupReport> setup;  ///< the first child's module set-up
  std::optional<Isolation> isolation;  ///< what the box applied (shared falls back to process without a cgroup)
};

/// How much of a test's stdout a report shows.
inline constexpr std::size_t kShownStdout = 8 * 1024;

}  // namespace pyjudge
