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

}  // namespace pyjudge
