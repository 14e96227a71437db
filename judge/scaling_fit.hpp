// Pure arithmetic of the complexity report: fitting growth to measured (size, cost) points,
// naming the class, and comparing two series with their uncertainty. No processes, no I/O.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pyjudge {

/// One measurement: the best cost (CPU µs, memory bytes, ...) of a run at input size `size`.
struct Sample {
  double size = 0;
  double value = 0;
};

/// Least squares of log(value) on log(size): value ≈ e^intercept · size^exponent.
struct PowerFit {
  double exponent = 0;
  double standard_error = 0;  ///< of the exponent; infinite with two points
  double intercept = 0;
  std::size_t points = 0;
};

/// The fit over the samples with a positive size and value; nullopt with fewer than two.
std::optional<PowerFit> fit_power(std::span<const Sample> samples);

/// The classes the report names, simplest first (the order is the bias).
enum class GrowthClass { Constant, Logarithmic, Linear, Linearithmic, Quadratic, Cubic, Exponential };

std::string_view growth_name(GrowthClass c);  ///< "1", "log n", "n", "n log n", "n²", "n³", "2ⁿ"
/// Parses a hand-written label: "1", "log n", "n", "n log n", "n^2" (or "n²"), "n^3", "2^n".
std::optional<GrowthClass> parse_growth(std::string_view label);

/// The class whose shape c·f(n) best explains the samples in log space, biased to the simpler:
/// a simpler class wins unless a more complex one explains clearly more (residual per point
/// beyond a noise allowance of ~15 %). Needs two samples; with fewer it says Constant.
GrowthClass classify_growth(std::span<const Sample> samples);

/// What the samples of one series say once the judge's own fixed cost is taken off.
struct Growth {
  std::optional<PowerFit> fit;
  GrowthClass growth = GrowthClass::Constant;
  bool flat = false;  ///< never rose clearly above its floor: constant within the noise
};

/// `floor`: the cost a run has whatever the solution does (the harness's call overhead, the
/// memory quantum). The exponent is fitted on value − floor of the samples above 3·floor when
/// there are three or more; with none the series is flat; with one or two there is no fit.
/// `least`: a sample must also exceed this to count (time: runs so short that a loaded host's
/// jitter is a large part of them).
Growth describe_growth(std::span<const Sample> samples, double floor, double least = 0);

enum class Comparison { Faster, Same, Slower, Inconclusive };
enum class Confidence { None, Medium, High };

std::string_view comparison_name(Comparison c);  ///< "faster", "same", "slower", "inconclusive"
std::string_view confidence_name(Confidence c);  ///< "", "medium", "high"

/// Yours against the reference: the difference of exponents, its standard error, and the
/// verdict only when it is clear beyond the error; otherwise Inconclusive with the reason.
struct GrowthComparison {
  Comparison result = Comparison::Inconclusive;
  Confidence confidence = Confidence::None;
  double difference = 0;
  double standard_error = 0;
  std::string reason;  ///< why inconclusive (empty otherwise)
};

/// `*_lower_bound`: that series ended at a limit, its last sample is the limit at the size it
/// could not finish, so its exponent is a lower bound: then only "faster" (for yours) or
/// "slower" (for the reference's) can be concluded; anything else is Inconclusive.
GrowthComparison compare_growth(const Growth& yours, const Growth& reference, bool yours_lower_bound = false,
                                bool reference_lower_bound = false);

/// The largest size up to which both series are compared: the smaller of the two series' largest
/// measured sizes, when each still has three or more samples that count for its fit there (above
/// 3·floor and `least`, as in describe_growth()); nullopt otherwise (then each whole series is
/// fitted). Exponents measured over different ranges of n are not comparable: caches and the
/// allocator raise a series' local exponent as n grows, so a reference measured 8× further than a
/// solution that stopped early reads steeper than it is over the solution's sizes.
std::optional<double> common_top(std::span<const Sample> yours, std::span<const Sample> reference,
                                 double yours_floor, double reference_floor, double least = 0);

/// Where your series stopped at its limit (`limit`: the CPU cap or the memory limit) at size
/// `at_limit`, the reference's cost there, and both costs at the last size before it.
struct LimitStop {
  Sample yours_before, reference_before;
  Sample reference_at_limit;  ///< .size is the size yours stopped at
  double limit = 0;
};

/// "Stopped at the limit where the reference took a small part of it", as evidence. The ratio of
/// your cost to the reference's rose from y/r at the size before to at least limit/r' at the
/// size you stopped at, so the difference of exponents over that step is at least
///   ln((limit / r') / (y / r)) / ln(n' / n).
/// Faster when that bound is ≥ 2 (the ratio grew at least as the square of the size step: 4× for
/// a doubling, beyond what a cache level or the noise of best-of-k runs moves; high confidence
/// from 3), provided every cost net of its side's floor counts for a fit (above 3·floor and
/// `least`) and the reference stayed well below the limit (r' ≤ limit / 8). Otherwise
/// Inconclusive. The difference reported is that bound; its standard error is not estimated (0).
GrowthComparison compare_at_limit(const LimitStop& stop, double yours_floor, double reference_floor,
                                  double least = 0);

}  // namespace pyjudge
