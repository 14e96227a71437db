// The server's one seam with the judge library: loading problems, preparing their tests,
// judging an attempt test by test, and custom inputs' expected values. Everything else in
// serve/ sees JSON objects (`run --json` and its `tests[i]`), never the judge's types.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "judge/judge.hpp"

namespace pyjudge::serve {

/// Starts the judge's embedded Python on the calling (main) thread.
void start_host_python();

/// A problem as the pages show it.
struct CatalogueEntry {
  Problem problem;
  std::string statement_html;
  std::string starter;     ///< starter.py, or a skeleton of the reference's class/def lines
  nlohmann::json samples;  ///< [{name, input, expected}]
};

/// The reference's imports, top-level classes and functions, and the methods of its classes,
/// each def with an empty body: the names and parameters the judge calls, none of the solution.
/// One-line defs are left out (their body is on their line).
std::string starter_skeleton(const std::string& reference);

/// Every problem under `dir` that loads; the others are reported on `warnings` and skipped.
std::map<std::string, CatalogueEntry> load_catalogue(const std::filesystem::path& dir, std::ostream& warnings);

/// A problem's tests, generated and with the reference's expected values: slow, so each worker
/// prepares a problem once and keeps it.
struct PreparedProblem {
  const Problem* problem = nullptr;
  std::vector<TestCase> tests;
};
/// Throws JudgeError when a generator or the reference fails.
std::shared_ptr<const PreparedProblem> prepare(const Problem& problem);

/// Whether a `run` may carry custom inputs for this problem (function and stdio modes), and
/// what one input is.
bool accepts_custom_inputs(const Problem& problem);

struct AttemptRequest {
  std::string kind;  ///< "run": samples + custom inputs; "submit": every test
  std::string source;
  std::vector<std::string> inputs;
  double complexity_budget_s = 0;  ///< submit: add the complexity report (`complexity`); 0: none
};

/// Judges an attempt in fresh boxes. `on_test` receives each finished test as a `tests[i]`
/// object of `run --json` (unredacted: a failing hidden test carries its input and expected
/// value for the interviewer). `notes` receives custom inputs that could not be used, each
/// {index, reason}. Returns the `run --json` object (with `complexity` for a submit that asked for
/// it; serve/redact.cpp keeps it from the candidate).
nlohmann::json judge_attempt(const PreparedProblem& prepared, const AttemptRequest& request,
                             const std::function<void(const nlohmann::json&)>& on_test, nlohmann::json& notes);

}  // namespace pyjudge::serve
