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
#include "judge/palette.hpp"

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

// ---- validate's text table (cli/ prints it) ----------------------------------------------------

/// The column titles: PROBLEM SOLUTION WANT GOT SLOWEST / LIMIT RESULT.
std::string validation_table_header();

/// One solution's row ("ok", "NO MARGIN" or "MISMATCH"), and below a failing one its message.
std::string validation_table_row(const ProblemValidation& v, const SolutionCheck& s, const Palette& palette);

/// A problem's errors and warnings, a line each.
std::string validation_findings(const ProblemValidation& v, const Palette& palette);

/// What every problem validated adds up to.
struct ValidationTotals {
  int problems = 0, bad_problems = 0, spec_errors = 0, solutions = 0, bad_solutions = 0;
  void add(const ProblemValidation& v);
  bool ok() const { return bad_problems == 0; }
  /// "N problems, M solutions: all valid (1.2 s)".
  std::string summary(double seconds, const Palette& palette) const;
};

}  // namespace pyjudge
