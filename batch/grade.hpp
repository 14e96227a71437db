// Judging one submission of a batch into its result record: the `run --json` object plus who,
// what and the fingerprints that make resuming safe. Never throws: a submission that breaks
// anything (unreadable, unknown problem, broken spec) gets an error record.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "batch/results.hpp"
#include "batch/submissions.hpp"
#include "judge/judge.hpp"

namespace pyjudge::batch {

/// Problems loaded and their tests prepared (generated, reference run) once per process.
class ProblemCache {
 public:
  /// `tests`: where prepared tests are kept between processes (null: prepared afresh).
  ProblemCache(std::filesystem::path problems_dir, RunnerFactory make_runner, const TestCache* tests = nullptr)
      : dir_(std::move(problems_dir)), make_runner_(std::move(make_runner)), tests_(tests) {}

  struct Entry {
    Problem problem;
    std::vector<TestCase> tests;
    std::string version;
    std::string error;  ///< why this problem cannot be judged (unknown id, spec error, reference)
  };
  const Entry& get(const std::string& id);
  const RunnerFactory& runner_factory() const { return make_runner_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  RunnerFactory make_runner_;
  const TestCache* tests_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
};

/// Judges `s` on every test (no stop at the first failure: scores need them all). With
/// `complexity_budget_s` > 0 the record also carries `complexity` (judge/complexity.hpp).
Record grade(const Submission& s, ProblemCache& problems, const JudgeOptions& options = {},
             double complexity_budget_s = 0);

/// An error record for `s`: verdict IE with `error` saying what broke.
Record error_record(const Submission& s, const std::string& error);

/// How long a worker may spend on one submission of `problem_dir`'s problem before it is killed
/// (and the submission gets an IE record): a fixed allowance for starting a box and preparing the
/// tests, plus twice every test's wall limit (the reference's run and the candidate's).
std::chrono::milliseconds submission_deadline(const std::filesystem::path& problem_dir);

}  // namespace pyjudge::batch
