#include "judge/scaling_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <vector>

namespace pyjudge {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Best-of-k CPU times on this machine still move by ~10 % between runs at a few hundred µs, and
// memory peaks by a page batch: a more complex class must beat a simpler one by more than this
// (in log units per point) to be named.
constexpr double kNoiseAllowance = 0.15;
// A difference of exponents is called only when it is this large and 3 standard errors clear:
// a log factor plus a cache's worth of slowdown (a heap against a deque) measures up to +0.35 here.
constexpr double kClearDifference = 0.45;
constexpr double kHighDifference = 0.7;  ///< ... and "high" confidence from this and 5 errors
constexpr double kSameDifference = 0.2;

// ln f(n) for each class; sizes under 2 are taken as 2 (log n must stay positive).
double log_shape(GrowthClass c, double n) {
  double ln = std::log(std::max(n, 2.0));
  switch (c) {
    case GrowthClass::Constant: return 0;
    case GrowthClass::Logarithmic: return std::log(ln);
    case GrowthClass::Linear: return ln;
    case GrowthClass::Linearithmic: return ln + std::log(ln);
    case GrowthClass::Quadratic: return 2 * ln;
    case GrowthClass::Cubic: return 3 * ln;
    case GrowthClass::Exponential: return std::max(n, 2.0) * std::log(2.0);
  }
  return 0;
}

// Residual sum of squares of log(value) − log f(n) around its mean (the best constant c).
double shape_residual(GrowthClass c, std::span<const Sample> samples) {
  std::vector<double> r;
  for (const auto& s : samples) r.push_back(std::log(s.value) - log_shape(c, s.size));
  double mean = 0;
  for (double x : r) mean += x;
  mean /= static_cast<double>(r.size());
  double sse = 0;
  for (double x : r) sse += (x - mean) * (x - mean);
  return sse;
}

std::vector<Sample> positive(std::span<const Sample> samples) {
  std::vector<Sample> out;
  for (const auto& s : samples) {
    if (s.size > 0 && s.value > 0 && std::isfinite(s.value)) out.push_back(s);
  }
  return out;
}

constexpr std::array kClasses = {GrowthClass::Constant,  GrowthClass::Logarithmic, GrowthClass::Linear,
                                 GrowthClass::Linearithmic, GrowthClass::Quadratic, GrowthClass::Cubic,
                                 GrowthClass::Exponential};

}  // namespace

std::optional<PowerFit> fit_power(std::span<const Sample> samples) {
  std::vector<Sample> pts = positive(samples);
  if (pts.size() < 2) return std::nullopt;
  double m = static_cast<double>(pts.size());
  double mx = 0, my = 0;
  for (const auto& p : pts) {
    mx += std::log(p.size);
    my += std::log(p.value);
  }
  mx /= m;
  my /= m;
  double sxx = 0, sxy = 0;
  for (const auto& p : pts) {
    double dx = std::log(p.size) - mx;
    sxx += dx * dx;
    sxy += dx * (std::log(p.value) - my);
  }
  if (sxx <= 0) return std::nullopt;  // every sample at one size
  PowerFit f;
  f.points = pts.size();
  f.exponent = sxy / sxx;
  f.intercept = my - f.exponent * mx;
  if (pts.size() < 3) {
    f.standard_error = kInfinity;
    return f;
  }
  double sse = 0;
  for (const auto& p : pts) {
    double e = std::log(p.value) - (f.intercept + f.exponent * std::log(p.size));
    sse += e * e;
  }
  f.standard_error = std::sqrt(sse / (m - 2) / sxx);
  return f;
}

std::string_view growth_name(GrowthClass c) {
  switch (c) {
    case GrowthClass::Constant: return "1";
    case GrowthClass::Logarithmic: return "log n";
    case GrowthClass::Linear: return "n";
    case GrowthClass::Linearithmic: return "n log n";
    case GrowthClass::Quadratic: return "n²";
    case GrowthClass::Cubic: return "n³";
    case GrowthClass::Exponential: return "2ⁿ";
  }
  return "?";
}

std::optional<GrowthClass> parse_growth(std::string_view label) {
  static constexpr std::pair<std::string_view, GrowthClass> names[] = {
      {"1", GrowthClass::Constant},     {"log n", GrowthClass::Logarithmic}, {"n", GrowthClass::Linear},
      {"n log n", GrowthClass::Linearithmic}, {"n^2", GrowthClass::Quadratic}, {"n²", GrowthClass::Quadratic},
      {"n^3", GrowthClass::Cubic},      {"n³", GrowthClass::Cubic},          {"2^n", GrowthClass::Exponential},
      {"2ⁿ", GrowthClass::Exponential}};
  for (const auto& [name, c] : names) {
    if (label == name) return c;
  }
  return std::nullopt;
}

GrowthClass classify_growth(std::span<const Sample> samples) {
  std::vector<Sample> pts = positive(samples);
  if (pts.size() < 2) return GrowthClass::Constant;
  std::array<double, kClasses.size()> sse{};
  double best = kInfinity;
  for (std::size_t i = 0; i < kClasses.size(); ++i) {
    sse[i] = shape_residual(kClasses[i], pts);
    best = std::min(best, sse[i]);
  }
  double allowance = static_cast<double>(pts.size()) * kNoiseAllowance * kNoiseAllowance;
  for (std::size_t i = 0; i < kClasses.size(); ++i) {
    if (sse[i] <= best + allowance) return kClasses[i];
  }
  return GrowthClass::Constant;
}

Growth describe_growth(std::span<const Sample> samples, double floor, double least) {
  Growth g;
  std::vector<Sample> above;
  for (const auto& s : samples) {
    if (s.value > 3 * floor && s.value > least && s.value > 0) above.push_back({s.size, s.value - std::max(floor, 0.0)});
  }
  if (above.size() >= 3) {
    g.fit = fit_power(above);
    g.growth = classify_growth(above);
    return g;
  }
  // None rose above the floor: constant within the noise. One or two did: no trend to fit
  // (the raw samples would fit the floor's noise, not the solution).
  g.flat = above.empty();
  return g;
}

std::string_view comparison_name(Comparison c) {
  switch (c) {
    case Comparison::Faster: return "faster";
    case Comparison::Same: return "same";
    case Comparison::Slower: return "slower";
    case Comparison::Inconclusive: return "inconclusive";
  }
  return "inconclusive";
}

std::string_view confidence_name(Confidence c) {
  switch (c) {
    case Confidence::None: return "";
    case Confidence::Medium: return "medium";
    case Confidence::High: return "high";
  }
  return "";
}

namespace {

GrowthComparison compare_exponents(const Growth& yours, const Growth& reference) {
  GrowthComparison c;
  if (yours.flat && reference.flat) {
    c.result = Comparison::Same;
    c.confidence = Confidence::Medium;
    return c;
  }
  if ((!yours.fit && !yours.flat) || (!reference.fit && !reference.flat)) {
    c.reason = fmt::format("too few sizes above the noise floor for {}",
                           !yours.fit && !yours.flat ? "your solution" : "the reference");
    return c;
  }
  // A flat series never rose above its floor: constant, its raw slope is noise, not growth.
  double ey = yours.flat ? 0 : yours.fit->exponent, er = reference.flat ? 0 : reference.fit->exponent;
  double sy = yours.flat ? 0 : yours.fit->standard_error, sr = reference.flat ? 0 : reference.fit->standard_error;
  c.difference = ey - er;
  c.standard_error = std::sqrt(sy * sy + sr * sr);
  if (!std::isfinite(c.standard_error)) {
    c.reason = "only two sizes above the noise floor: no error estimate";
    return c;
  }
  double d = c.difference, se = c.standard_error;
  if (std::abs(d) >= kClearDifference && std::abs(d) >= 3 * se) {
    c.result = d > 0 ? Comparison::Faster : Comparison::Slower;
    c.confidence = std::abs(d) >= kHighDifference && std::abs(d) >= 5 * se ? Confidence::High : Confidence::Medium;
    return c;
  }
  if (std::abs(d) < kSameDifference && 3 * se < 0.3) {
    c.result = Comparison::Same;
    c.confidence = std::abs(d) < kSameDifference / 2 && 5 * se < 0.3 ? Confidence::High : Confidence::Medium;
    return c;
  }
  c.reason = fmt::format("the difference of exponents, {:+.2f} ± {:.2f}, is not clear beyond the error", d, se);
  return c;
}

}  // namespace

GrowthComparison compare_growth(const Growth& yours, const Growth& reference, bool yours_lower_bound,
                                bool reference_lower_bound) {
  GrowthComparison c = compare_exponents(yours, reference);
  bool bounded = (yours_lower_bound && c.result != Comparison::Faster) ||
                 (reference_lower_bound && c.result != Comparison::Slower);
  if (!bounded) return c;
  c.result = Comparison::Inconclusive;
  c.confidence = Confidence::None;
  std::string why = fmt::format("{} stopped at a limit, so its exponent is only a lower bound",
                                yours_lower_bound ? "your solution" : "the reference");
  c.reason = c.reason.empty() ? why : c.reason + "; " + why;
  return c;
}


namespace {

bool counts_for_fit(double value, double floor, double least) { return value > 3 * floor && value > least && value > 0; }

}  // namespace

std::optional<double> common_top(std::span<const Sample> yours, std::span<const Sample> reference,
                                 double yours_floor, double reference_floor, double least) {
  if (yours.empty() || reference.empty()) return std::nullopt;
  auto largest = [](std::span<const Sample> s) {
    return std::max_element(s.begin(), s.end(), [](const Sample& a, const Sample& b) { return a.size < b.size; })->size;
  };
  double top = std::min(largest(yours), largest(reference));
  auto fitted_below = [&](std::span<const Sample> s, double floor) {
    return std::count_if(s.begin(), s.end(),
                         [&](const Sample& x) { return x.size <= top && counts_for_fit(x.value, floor, least); });
  };
  if (fitted_below(yours, yours_floor) < 3 || fitted_below(reference, reference_floor) < 3) return std::nullopt;
  return top;
}

GrowthComparison compare_at_limit(const LimitStop& stop, double yours_floor, double reference_floor, double least) {
  // The bound must clear twice the "clear" difference's worth of noise: three best-of-k costs
  // and a step of n through a cache level.
  constexpr double kLimitDifference = 2, kLimitHighDifference = 3, kWellBelowLimit = 8;
  GrowthComparison c;
  double y = stop.yours_before.value - yours_floor, r = stop.reference_before.value - reference_floor;
  double r_at = stop.reference_at_limit.value - reference_floor;
  double step = stop.reference_at_limit.size / stop.yours_before.size;
  if (!counts_for_fit(stop.yours_before.value, yours_floor, least) ||
      !counts_for_fit(stop.reference_before.value, reference_floor, least) ||
      !counts_for_fit(stop.reference_at_limit.value, reference_floor, least) || step <= 1 ||
      stop.reference_before.size != stop.yours_before.size) {
    c.reason = "at the size before the limit, a cost was within the noise floor";
    return c;
  }
  if (r_at * kWellBelowLimit > stop.limit) {
    c.reason = "the reference was not well below the limit where your solution reached it";
    return c;
  }
  c.difference = std::log((stop.limit / r_at) / (y / r)) / std::log(step);
  c.standard_error = 0;
  if (c.difference >= kLimitDifference) {
    c.result = Comparison::Faster;
    c.confidence = c.difference >= kLimitHighDifference ? Confidence::High : Confidence::Medium;
    return c;
  }
  c.reason = fmt::format("at the limit, your cost's ratio to the reference's grew by n^{:.2f} or more, not clearly",
                         c.difference);
  return c;
}

}  // namespace pyjudge
