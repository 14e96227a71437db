#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "judge/complexity.hpp"
#include "judge/scaling_fit.hpp"

using namespace pyjudge;

namespace {

// value = overhead + c·f(n) for n = 64, 128, ... 65536, each scaled by up to ±noise.
std::vector<Sample> series(const std::function<double(double)>& f, double noise = 0, double overhead = 0,
                           unsigned seed = 1, double largest = 65536) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> jitter(1 - noise, 1 + noise);
  std::vector<Sample> out;
  for (double n = 64; n <= largest; n *= 2) out.push_back({n, (overhead + f(n)) * jitter(rng)});
  return out;
}

double linear(double n) { return 0.05 * n; }
double quadratic(double n) { return 0.001 * n * n; }
double nlogn(double n) { return 0.05 * n * std::log2(n); }

}  // namespace

TEST_CASE("A power law's exponent is recovered with a small standard error") {
  for (double p : {0.0, 0.5, 1.0, 2.0, 3.0}) {
    auto s = series([&](double n) { return std::pow(n, p) + 1e-9; }, 0.05);
    auto fit = fit_power(s);
    REQUIRE(fit);
    CHECK(fit->exponent == doctest::Approx(p).epsilon(0.05 + 0.05 / std::max(p, 1.0)));
    CHECK(fit->standard_error < 0.05);
    CHECK(fit->points == s.size());
  }
}

TEST_CASE("Two samples give an exponent without an error estimate, one sample none") {
  std::vector<Sample> two = {{10, 1}, {20, 4}};
  auto fit = fit_power(two);
  REQUIRE(fit);
  CHECK(fit->exponent == doctest::Approx(2));
  CHECK(std::isinf(fit->standard_error));
  std::vector<Sample> one = {{10, 1}};
  CHECK_FALSE(fit_power(one));
  std::vector<Sample> zeros = {{10, 0}, {20, 0}, {40, 0}};
  CHECK_FALSE(fit_power(zeros));
}

TEST_CASE("Classes are named from clean data, and noise does not promote a class") {
  CHECK(classify_growth(series([](double) { return 3.0; }, 0.1)) == GrowthClass::Constant);
  CHECK(classify_growth(series([](double n) { return std::log2(n); })) == GrowthClass::Logarithmic);
  CHECK(classify_growth(series(linear, 0.1)) == GrowthClass::Linear);
  CHECK(classify_growth(series(nlogn)) == GrowthClass::Linearithmic);
  CHECK(classify_growth(series(quadratic, 0.1)) == GrowthClass::Quadratic);
  CHECK(classify_growth(series([](double n) { return n * n * n; }, 0.1)) == GrowthClass::Cubic);
  std::vector<Sample> exponential;
  for (double n = 4; n <= 20; n += 2) exponential.push_back({n, std::pow(2.0, n)});
  CHECK(classify_growth(exponential) == GrowthClass::Exponential);
  // Linear data with 10 % noise is never called n log n or worse, over many draws.
  for (unsigned seed = 1; seed <= 50; ++seed) {
    CAPTURE(seed);
    CHECK(classify_growth(series(linear, 0.1, 0, seed)) == GrowthClass::Linear);
  }
}

TEST_CASE("Labels parse in both spellings and names print in one") {
  CHECK(parse_growth("n^2") == GrowthClass::Quadratic);
  CHECK(parse_growth("n²") == GrowthClass::Quadratic);
  CHECK(parse_growth("n log n") == GrowthClass::Linearithmic);
  CHECK(parse_growth("2^n") == GrowthClass::Exponential);
  CHECK_FALSE(parse_growth("quadratic"));
  CHECK(growth_name(GrowthClass::Quadratic) == "n²");
  CHECK(growth_name(GrowthClass::Constant) == "1");
}

TEST_CASE("The harness's fixed cost is taken off before fitting, so a linear series stays linear") {
  // 40 µs of harness per call hides the first sizes' work: raw log-log would say n^0.7.
  auto s = series(linear, 0.05, 40);
  auto raw = fit_power(s);
  REQUIRE(raw);
  CHECK(raw->exponent < 0.9);
  Growth g = describe_growth(s, 0.8 * 40);
  REQUIRE(g.fit);
  CHECK(g.fit->exponent == doctest::Approx(1).epsilon(0.1));
  CHECK(g.growth == GrowthClass::Linear);
  CHECK_FALSE(g.flat);
}

TEST_CASE("A series that never rises above its floor is flat") {
  auto s = series([](double) { return 30.0; }, 0.2);
  Growth g = describe_growth(s, 0.8 * 24);
  CHECK(g.flat);
  CHECK(g.growth == GrowthClass::Constant);
}

TEST_CASE("Quadratic against linear is faster with high confidence; the reverse is slower") {
  Growth yours = describe_growth(series(quadratic, 0.1, 30), 24);
  Growth reference = describe_growth(series(linear, 0.1, 30, 2), 24);
  auto c = compare_growth(yours, reference);
  CHECK(c.result == Comparison::Faster);
  CHECK(c.confidence == Confidence::High);
  CHECK(c.difference == doctest::Approx(1).epsilon(0.2));
  CHECK(compare_growth(reference, yours).result == Comparison::Slower);
}

TEST_CASE("The same class with another constant is never faster: same or inconclusive") {
  for (unsigned seed = 1; seed <= 30; ++seed) {
    CAPTURE(seed);
    Growth yours = describe_growth(series([](double n) { return 0.2 * n; }, 0.15, 30, seed), 24);
    Growth reference = describe_growth(series(linear, 0.15, 30, seed + 100), 24);
    auto c = compare_growth(yours, reference);
    CHECK(c.result != Comparison::Faster);
    CHECK(c.result != Comparison::Slower);
  }
  // n log n against n is within the noise allowance too: not called faster.
  Growth yours = describe_growth(series(nlogn, 0.1, 30), 24);
  Growth reference = describe_growth(series(linear, 0.1, 30, 3), 24);
  CHECK(compare_growth(yours, reference).result != Comparison::Faster);
}

TEST_CASE("Two sizes above the floor give no trend: inconclusive, with the reason") {
  std::vector<Sample> two = {{50, 1}, {100, 100}, {200, 400}};
  Growth yours = describe_growth(two, 1);
  CHECK_FALSE(yours.fit);
  CHECK_FALSE(yours.flat);
  Growth reference = describe_growth(series(linear, 0.05), 1);
  auto c = compare_growth(yours, reference);
  CHECK(c.result == Comparison::Inconclusive);
  CHECK(c.reason == "too few sizes above the noise floor for your solution");
}

TEST_CASE("A series stopped at a limit is a lower bound: only 'faster' can be concluded from it") {
  Growth linear_growth = describe_growth(series(linear, 0.05, 0, 1, 4096), 1);
  Growth reference = describe_growth(series(linear, 0.05, 0, 2), 1);
  auto c = compare_growth(linear_growth, reference, /*yours_lower_bound=*/true);
  CHECK(c.result == Comparison::Inconclusive);
  CHECK(c.reason.find("lower bound") != std::string::npos);
  Growth quadratic_growth = describe_growth(series(quadratic, 0.05, 0, 1, 4096), 1);
  CHECK(compare_growth(quadratic_growth, reference, true).result == Comparison::Faster);
  // The reference stopped early: yours cannot be called the same or faster than a lower bound.
  CHECK(compare_growth(quadratic_growth, reference, false, true).result == Comparison::Inconclusive);
}

TEST_CASE("Both series are compared up to the sizes both measured, when each keeps three there") {
  auto yours = series(quadratic, 0, 0, 1, 4096);  // 64 … 4096: stopped early
  auto reference = series(linear, 0, 0, 2);       // 64 … 65536
  auto top = common_top(yours, reference, 1, 1, 0);
  REQUIRE(top);
  CHECK(*top == 4096);
  // The reference keeps only two sizes above 500 at or below 4096 (linear: 0.05·n): no common range.
  CHECK_FALSE(common_top(yours, reference, 1, 1, 110));
  // Yours keeps none above its floor there: no common range either.
  CHECK_FALSE(common_top(yours, reference, 1e6, 1, 0));
  CHECK_FALSE(common_top({}, reference, 1, 1, 0));
}

TEST_CASE("Stopped at the limit where the reference took a small part of it: faster only when the ratio jumped") {
  // lfu-cache's measured scan: 3.3 ms against 6.0 ms at 6208, then over 500 ms against 7.4 ms.
  LimitStop jump{{6208, 3263}, {6208, 6013}, {12416, 7365}, 500'000};
  auto c = compare_at_limit(jump, 50, 50, 500);
  CHECK(c.result == Comparison::Faster);
  CHECK(c.confidence == Confidence::High);
  CHECK(c.difference == doctest::Approx(std::log2((500'000.0 / 7315) / (3213.0 / 5963))).epsilon(0.001));
  // The same class 40× slower reaching the limit: the ratio did not grow, nothing concluded.
  LimitStop steady{{6208, 240'000}, {6208, 6013}, {12416, 12'500}, 500'000};
  auto s = compare_at_limit(steady, 50, 50, 500);
  CHECK(s.result == Comparison::Inconclusive);
  CHECK(s.reason.find("not clearly") != std::string::npos);
  // A ratio that grew 3× in one doubling is within what caches and noise move: not enough.
  LimitStop small{{6208, 100'000}, {6208, 6000}, {12416, 10'000}, 500'000};
  CHECK(compare_at_limit(small, 0, 0, 500).result == Comparison::Inconclusive);
  // The reference itself near the limit there: no evidence.
  LimitStop near{{6208, 3263}, {6208, 60'000}, {12416, 70'000}, 500'000};
  CHECK(compare_at_limit(near, 50, 50, 500).reason.find("well below") != std::string::npos);
  // A cost before the limit inside the noise floor: no evidence.
  LimitStop tiny{{6208, 300}, {6208, 6013}, {12416, 7365}, 500'000};
  CHECK(compare_at_limit(tiny, 50, 50, 500).result == Comparison::Inconclusive);
  LimitStop floor_bound{{6208, 3263}, {6208, 120}, {12416, 7365}, 500'000};
  CHECK(compare_at_limit(floor_bound, 50, 50, 0).result == Comparison::Inconclusive);
}

TEST_CASE("Sizes double from the smallest to the largest, and a narrow range still gets six") {
  auto s = complexity_sizes(100, 100000);
  CHECK(s.front() == 100);
  CHECK(s.back() == 100000);
  for (std::size_t i = 1; i + 1 < s.size(); ++i) CHECK(s[i] == doctest::Approx(2 * s[i - 1]).epsilon(0.01));
  auto narrow = complexity_sizes(4, 12);
  CHECK(narrow.size() >= 6);
  CHECK(narrow.front() == 4);
  CHECK(narrow.back() == 12);
  CHECK(complexity_sizes(5, 6) == std::vector<std::int64_t>{5});
}
