// The subcommands of `pyjudge`: each a {name, help, setup} row; setup adds its options to CLI11
// and returns the function to run, which returns the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "judge/cache.hpp"
#include "judge/complexity.hpp"
#include "judge/judge.hpp"

namespace pyjudge::cli {

/// Exit codes, documented in --help and README.
enum ExitCode : int {
  kAccepted = 0,
  kRejected = 1,    ///< any verdict other than AC
  kUsageError = 2,  ///< bad arguments, unknown problem, malformed spec
  kInternalError = 3,
};

using Action = std::function<int()>;

struct Command {
  const char* name;
  const char* help;
  std::function<Action(CLI::App&)> setup;
};

const std::vector<Command>& commands();

/// `pyjudge doctor`: which sandbox layers this host offers, and why not (cli/doctor_command.cpp).
Action doctor_command(CLI::App& app);

/// `pyjudge watch PROBLEM FILE`: re-judges on every save (cli/watch_command.cpp).
Action watch_command(CLI::App& app);

/// `--cache DIR` / `--no-cache`: where prepared tests are kept between runs.
struct CacheChoice {
  std::string dir;
  bool off = false;
  /// The cache to use (the default folder unless --cache), or nullopt with --no-cache.
  std::optional<TestCache> open() const;
  /// The folder, or nullopt with --no-cache.
  std::optional<std::filesystem::path> folder() const;
};
void add_cache_options(CLI::App& app, CacheChoice& choice);

/// What `run` and `watch` share.
struct RunSettings {
  bool json = false, stop_on_failure = false, samples = false;
  bool reveal_hidden = false;  ///< authors: hidden tests in full (Audience::Grader), else redacted
  std::string isolation;       ///< "shared" or "process"; empty: the problem's own
  std::string problems_dir;    ///< where ids are looked up; empty: the default folder
  std::vector<std::string> require;
  CacheChoice cache;
  bool complexity = false;          ///< `run --complexity`: the scaling report after the verdicts
  double complexity_budget_s = 10;  ///< `--complexity-budget`: its CPU budget in seconds
  std::string entry;           ///< a solution folder's entry file (--entry)
};

/// The options `run` and `watch` share: --samples, --stop-on-failure, --reveal-hidden,
/// --isolation, --problems, --cache/--no-cache, --require and --entry.
void add_run_settings(CLI::App& app, RunSettings& settings);

/// The problem `ref` names (an id in the settings' folder, or a path), through the settings'
/// cache, with --isolation applied.
Problem load_run_problem(const std::string& ref, const RunSettings& settings);

/// Judges `solution` with judge_submission() on the problem's tests (or, when `custom` is given,
/// on those custom tests alone) and prints the text report or the JSON object through their
/// sinks, redacted for the settings' audience; returns the exit code. `also` receives the same
/// redacted stream after it is printed (watch uses it to stop early).
int judge_and_report(const Problem& problem, const std::string& solution, const RunSettings& settings,
                     std::vector<TestCase> custom = {}, JudgeSink* also = nullptr);

/// The complexity report of `solution` (judge/complexity.hpp); a failure of the analysis is an
/// inconclusive report, never an error of the run.
ComplexityReport complexity_report(const Problem& problem, const std::string& solution, double budget_s);

/// `pyjudge serve`: the live round server (cli/serve_command.cpp).
Action serve_command(CLI::App& app);

/// The sandbox layers a user may require with --require.
inline const std::vector<std::string> kLayerNames = {"rlimits", "seccomp", "fds", "hygiene", "landlock", "namespaces", "cgroups", "credentials"};

/// Adds `--require LAYER,...` to a command: a listed layer missing on this host makes the
/// submission IE instead of a warning.
inline CLI::Option* add_require_option(CLI::App& app, std::vector<std::string>& layers) {
  return app.add_option("--require", layers, "sandbox layers that must be active (comma-separated): "                                              "an unavailable one is an error, not a warning")
      ->delimiter(',')
      ->check(CLI::IsMember(kLayerNames));
}

}  // namespace pyjudge::cli
