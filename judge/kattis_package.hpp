// ICPC/Kattis problem packages (problemtools' legacy format, 2023-07, and 2025-09's fields
// tolerated), read into the same Problem a native problem.yaml gives: a stdio problem whose
// tests are data/sample (shown) and data/secret (hidden), compared by the default validator
// with each group's flags, or by the package's own output validator.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "judge/judge.hpp"
#include "judge/spec.hpp"

namespace pyjudge {

/// A folder holding problem.yaml and data/: a problem package, not a native problem.
bool is_kattis_package(const std::filesystem::path& dir);

/// Loads a package. Throws SpecError naming the file (problem.yaml, testdata.yaml, a validator)
/// and the field for anything it cannot read; fields it does not use are ignored.
Problem load_kattis_package(const std::filesystem::path& dir);

/// The labelled submissions: submissions/{accepted,wrong_answer,time_limit_exceeded,
/// run_time_error}/*.py and solution folders in them, with the verdict each must get (run_time_error also takes MLE, which
/// Kattis does not have).
struct LabelledSubmission {
  std::filesystem::path file;
  std::string label;  ///< the folder's name
  std::vector<Verdict> allowed;
};
std::vector<LabelledSubmission> labelled_submissions(const Problem& package);

/// problemtools' rule for a package without a time limit: the slowest test of the slowest
/// accepted submission, times time_multiplier, rounded up to whole seconds. Runs the accepted
/// submissions with a generous limit; throws JudgeError if there is none or one is rejected.
Millis derived_time_limit(const Problem& package, const std::vector<TestCase>& tests,
                          const RunnerFactory& make_runner);

/// Sets the package's time limit (and a wall limit to match) when it gives none: see
/// derived_time_limit(). Does nothing for native problems and packages with a limit.
void settle_time_limit(Problem& problem, const RunnerFactory& make_runner);

/// Limits with the time limit (and wall limit) set to `time`.
Limits with_time_limit(Limits limits, Millis time);

}  // namespace pyjudge
