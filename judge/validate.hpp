// `pyjudge validate`: the checks a problem must pass before candidates see it (in the spirit of
// Polygon and Kattis problemtools): the spec loads, generators are deterministic, the reference
// is accepted with a time margin, and every solution under solutions/<verdict>/ gets exactly
// that verdict.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/judge.hpp"

namespace pyjudge {

/// The verdict a solutions/ subfolder stands for: "wrong_answer" -> WA, ...; nullopt if unknown.
std::optional<Verdict> verdict_of_folder(const std::string& folder);

struct SolutionCheck {
  std::filesystem::path file;  ///< relative to the problem folder: solutions/accepted/x.py
  Verdict expected = Verdict::AC;
  Verdict got = Verdict::IE;
  int passed = 0, total = 0;
  Micros slowest{0};    ///< the slowest test's CPU time
  std::string message;  ///< the first failing test's message, or what is wrong
  bool ok = false;
};

struct ProblemValidation {
  std::string id;
  std::filesystem::path dir;
  std::vector<std::string> errors;  ///< problems with the problem itself (spec, generators, reference)
  std::vector<std::string> warnings;  ///< worth a look, not invalid: test-data hygiene, "OK with extra time"
  bool spec_error = false;          ///< the spec does not load: exit code 2, as in every command
  std::vector<SolutionCheck> solutions;
  int tests = 0;
  Millis time_limit{0};
  double seconds = 0;  ///< wall time spent validating
  bool ok() const;
};

struct ValidateOptions {
  /// The reference's slowest test may use at most this fraction of the time limit.
  double max_reference_share = 0.5;
  /// Prepared tests are read from and stored in it (null: prepared afresh).
  const TestCache* cache = nullptr;
  std::function<void(const ProblemValidation&, const SolutionCheck&)> on_solution;
};

/// Validates the problem in `dir`. Never throws for a broken problem: every failure is recorded.
ProblemValidation validate_problem(const std::filesystem::path& dir, const RunnerFactory& make_runner,
                                   const ValidateOptions& options);

nlohmann::json to_json(const ProblemValidation& v);

}  // namespace pyjudge
