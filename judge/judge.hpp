// Judging one submission: spec -> tests -> box -> per-test child -> raw result -> comparison ->
// verdict -> report, streamed to a sink. This file is the orchestration; each step lives in its
// own file (judge/generate: the tests; judge/one_test: one test; judge/score: the verdict).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "judge/generate.hpp"
#include "judge/one_test.hpp"
#include "judge/results.hpp"
#include "judge/runner.hpp"
#include "judge/spec.hpp"
#include "judge/verdict.hpp"

namespace pyjudge {

class TestCache;

/// What judge_submission() judges and how.
struct JudgeOptions {
  /// Tests already prepared (validate, batch and the server prepare them once per problem and
  /// judge many submissions). Null: the problem's own, the written ones streaming while the
  /// generated ones are prepared on another thread (or read from `cache`).
  const std::vector<TestCase>* tests = nullptr;
  /// Only the sample tests (of `tests`, or of the problem): nothing generated, nothing prepared.
  bool samples_only = false;
  /// The user's own inputs as tests (judge/custom_input), their expected values already filled
  /// in from the reference solution: judged after the others.
  std::vector<TestCase> custom;
  bool stop_on_failure = false;
  /// Where prepared tests (generated inputs, the reference's expected values) are kept between
  /// runs; null prepares them afresh every time.
  const TestCache* cache = nullptr;
  /// Sandbox layers that must be active ("namespaces", "landlock", ...): the box refuses to run
  /// candidate code without one of them and the submission is IE, naming the layer and why.
  std::vector<std::string> required_layers;
  /// Makes the boxes (the candidate's, the reference's); null: a real box (BoxRunner).
  RunnerFactory make_runner;
};

/// What a submission's judging will cover, told before anything runs.
struct JudgeStart {
  const Problem* problem = nullptr;
  std::string solution;  ///< the file name reports show
  int total = 0;         ///< every test that counts, run or not
};

/// Receives one submission's judging as it happens. Every output is a sink of this one stream:
/// the text report and `--json` (judge/report.hpp), batch records (batch/grade.cpp), the
/// server's events (serve/judging.cpp). A sink for a candidate is wrapped in a RedactingSink
/// (judge/redact.hpp). Each method does nothing unless overridden; an exception thrown by a
/// sink stops the judging (its boxes are torn down) and propagates to the caller.
class JudgeSink {
 public:
  virtual ~JudgeSink() = default;
  virtual void start(const JudgeStart&) {}
  /// The written tests are done and the generated ones are still being prepared.
  virtual void preparing(const std::string& /*what*/) {}
  /// One test, as it finishes, in the order of the tests.
  virtual void test_finished(const TestReport&) {}
  /// The whole report, once, last.
  virtual void end(const SubmissionReport&) {}
};

/// The most of a solution file read_source_file() reads: far above the box's own cap
/// (kMaxSource), so an oversized file still reaches the box and is its CE "SourceTooLarge".
inline constexpr std::size_t kMaxSourceFileRead = std::size_t{64} << 20;

/// Reads a solution the user named: a file (regular files only, bounded), or a solution folder
/// with its entry file (`entry`, or the rule of judge/solution_folder.hpp) and its other
/// modules. Throws UsageError naming the path and what is wrong with it.
SourceFile read_source_file(const std::filesystem::path& path, const std::string& entry = "");

/// What the box is told to run: `file` under `problem`'s mode, entry, prelude, limits and
/// isolation.
Setup setup_for(const Problem& problem, const SourceFile& file);

/// The one library call that judges a submission: the candidate's box starts first (a compile
/// error comes back before anything is prepared), the tests run in order and each is reported
/// to `sink` as it finishes, and the report is returned (and given to sink.end()). JudgeErrors
/// (a box fault, a failing reference) end as an IE report, never an exception.
SubmissionReport judge_submission(const Problem& problem, const SourceFile& submission, const JudgeOptions& options,
                                  JudgeSink& sink);

/// judge_submission() without a sink.
SubmissionReport judge_submission(const Problem& problem, const SourceFile& submission, const JudgeOptions& options);

/// A thin wrapper kept for callers of the old entry point (judge/kattis_package.cpp): reads
/// `solution` with read_source_file() and calls judge_submission() on `tests`.
SubmissionReport judge_file(const Problem& problem, const std::vector<TestCase>& tests,
                            const std::filesystem::path& solution, const RunnerFactory& make_runner,
                            const JudgeOptions& options);

}  // namespace pyjudge
