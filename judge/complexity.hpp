// The complexity report (`run --complexity`): the solution and the problem's reference run on a
// geometric series of generated sizes, each in its own warm box; their CPU time and peak memory
// per size are fitted (judge/scaling_fit.hpp) and compared. A report for the interviewer: it
// never changes a verdict or a score.
#pragma once

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "judge/judge.hpp"
#include "judge/scaling_fit.hpp"

namespace pyjudge {

struct ComplexityOptions {
  /// CPU the whole analysis may spend (both boxes' runs and the generators): 10 s by default.
  Micros budget = std::chrono::seconds(10);
  int repeats = 3;  ///< best of k runs per size (a run over 250 ms is not repeated)
};

/// The sizes to measure: `complexity: sizes` or, by default, from largest/1024 (at least 8) to
/// the largest size of the generator, doubling (at least 6 sizes when the range is narrow).
std::vector<std::int64_t> complexity_sizes(std::int64_t smallest, std::int64_t largest);

/// One size: the best CPU time and peak memory of each side; a side that stopped before this
/// size has nothing, and says why at the size it stopped.
struct ScalingPoint {
  std::int64_t size = 0;
  std::optional<Micros> yours_cpu, reference_cpu;
  std::optional<Bytes> yours_memory, reference_memory;
  std::string yours_stopped, reference_stopped;  ///< "TLE", "MLE", "RE", "budget" at this size
};

/// One quantity (time or memory) of both series, fitted and compared.
struct ScalingVerdict {
  Growth yours, reference;
  bool yours_at_least = false, reference_at_least = false;  ///< the series stopped early: "≥"
  std::optional<double> compared_up_to;  ///< both fitted only up to this size (common_top())
  bool from_limit = false;  ///< the comparison is compare_at_limit()'s, not the exponents'
  GrowthComparison comparison;
};

struct ComplexityReport {
  std::string generator;  ///< file name of the generator measured
  int repeats = 0;
  Micros budget{0}, spent{0};
  Millis run_cap{0};  ///< CPU limit of one run (the problem's, at most an eighth of the budget)
  Bytes memory_limit;
  std::vector<ScalingPoint> points;
  std::optional<ScalingVerdict> time, memory;  ///< memory: nullopt without a cgroup
  std::string inconclusive;  ///< why there is no analysis at all (no generator, a compile error)
  std::string instructions;  ///< why no hardware instruction count is reported on this host
};

/// Runs the analysis of `solution` (read with read_source_file(); its name is what tracebacks
/// show). Throws JudgeError when a generator or the reference fails.
ComplexityReport analyse_complexity(const Problem& problem, const SourceFile& solution,
                                    const RunnerFactory& make_runner, const ComplexityOptions& options);

/// Whether this host can count the instructions a child retires (perf_event_open of
/// PERF_TYPE_HARDWARE/INSTRUCTIONS): nullopt when it can, else why not, precisely.
std::optional<std::string> instruction_counter_unavailable();

nlohmann::json to_json(const ComplexityReport& report);

/// The table and the two verdict lines (time, memory), as `run` prints them after the verdicts.
std::string complexity_text(const ComplexityReport& report);

/// One short cell for a table (batch's HTML report): "n² vs n: faster (high)".
std::string complexity_summary(const ComplexityReport& report);

}  // namespace pyjudge
