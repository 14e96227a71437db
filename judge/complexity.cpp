// The complexity report: plan the sizes, run both series through warm boxes within a CPU
// budget, fit, compare, and say it as text and JSON.
#include "judge/complexity.hpp"

#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>

#include "judge/custom_input.hpp"
#include "judge/errors.hpp"
#include "judge/escape.hpp"
#include "judge/verdict.hpp"

namespace pyjudge {

namespace {

namespace fs = std::filesystem;

// A run this long is not repeated: its noise is small against it, and repeats would eat the
// budget the larger sizes need.
constexpr Micros kRepeatBelow = std::chrono::milliseconds(250);
// Runs this short are cheap: the best of 5 instead of k, against a loaded host's jitter.
constexpr Micros kShortRun = std::chrono::milliseconds(20);
constexpr int kShortRunRepeats = 5;
// The memory cgroup charges in batches of 64 pages per CPU: a peak under three times this says
// nothing about growth.
constexpr double kMemoryFloor = 256.0 * 1024;
constexpr std::int64_t kSmallestDefault = 8;
// Runs shorter than this (µs) are shown but not fitted: on this loaded 2-core VM the best of 3
// runs of 20-100 µs still moves by up to 5x (the hypervisor's steal is charged to the task's CPU
// clock), while a 0.5 ms run moves by a few percent.
constexpr double kShortestFitted = 500;

Micros thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::duration_cast<Micros>(std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec));
}

// The generator the report measures: the one `complexity:` names, else the one with the
// largest size (the author's idea of a big input).
const GeneratorSpec* chosen_generator(const Problem& p) {
  const GeneratorSpec* best = nullptr;
  for (const auto& g : p.generators) {
    if (p.complexity && p.complexity->generator && g.file != *p.complexity->generator) continue;
    std::int64_t top = *std::max_element(g.sizes.begin(), g.sizes.end());
    if (!best || top > *std::max_element(best->sizes.begin(), best->sizes.end())) best = &g;
  }
  return best;
}

// One generated input at `size`, through the same path as the judged tests (checked the same way).
RunTest input_at(const Problem& p, const GeneratorSpec& g, std::int64_t size) {
  Problem one = p;
  GeneratorSpec spec = g;
  spec.sizes = {size};
  spec.count = 1;
  one.generators = {spec};
  std::vector<TestCase> tests = generated_inputs(one);
  return tests.front().input;
}

// One side (yours or the reference): its box, its limits and where its series stopped.
class Series {
 public:
  Series(const Problem& p, const RunnerFactory& make_runner, Setup setup)
      : problem_(p), runner_(make_runner()), setup_(std::move(setup)) {}

  /// Starts the box; false on a compile error.
  bool start() {
    auto started = runner_->start(setup_);
    const Ready* ready = std::get_if<Ready>(&started);
    // The box shares a child only where a cgroup measures each test's peak net of its start.
    cgroup_ = ready && ready->isolation == Isolation::Shared;
    return ready != nullptr;
  }

  /// Best of up to `repeats` runs of `input`, their CPU added to `spent`; the memory of the
  /// first, in a fresh child that has run only `small` (nothing once stopped).
  void measure(const RunTest& small, const RunTest& input, int repeats, Micros& spent, std::optional<Micros>& cpu,
               std::optional<Bytes>& memory, std::string& stopped) {
    if (!stopped_.empty()) return;
    // A warm child keeps what earlier tests freed (glibc's heap, its raised mmap threshold) and
    // reuses it uncounted: a later test's peak would read low. A fresh child that has run one
    // small test first starts this test with the peak reset after its input is built.
    RunTest fresh = small;
    fresh.fresh = true;
    spent += run(fresh).cpu();
    for (int i = 0; i < std::max(repeats, cpu && *cpu < kShortRun ? kShortRunRepeats : 0); ++i) {
      RunStats stats = run(input);
      spent += stats.cpu();
      Classification c = classify(stats, setup_.limits);
      if (c.verdict) {
        stopped = stopped_ = verdict_code(*c.verdict);
        cpu.reset();
        memory.reset();
        return;
      }
      if (!cpu || stats.cpu() < *cpu) cpu = stats.cpu();
      if (i == 0 && cgroup_) memory = stats.outcome.cgroup_peak;
      if (stats.cpu() >= kRepeatBelow) break;
    }
    last_ = cpu;
  }

  void stop(std::string why, std::string& stopped) {
    if (stopped_.empty()) stopped = stopped_ = std::move(why);
  }
  bool stopped() const { return !stopped_.empty(); }
  const std::string& why_stopped() const { return stopped_; }
  /// The next size's cost, guessed from the last two (at least doubling with the size).
  Micros predicted(double size_ratio) const {
    if (!last_) return Micros(0);
    double growth = std::max(size_ratio, previous_ && previous_->count() > 0
                                             ? double(last_->count()) / double(previous_->count()) : size_ratio);
    return Micros(static_cast<std::int64_t>(double(last_->count()) * growth));
  }
  void advance() { previous_ = last_; }

 private:
  RunStats run(const RunTest& input) {
    RunStats stats;
    stats.outcome = runner_->run(input);
    stats.stdout_is_the_answer = problem_.mode == Mode::Stdio;
    try {
      if (!stats.outcome.report.empty()) stats.report = decode_child_report(stats.outcome.report);
    } catch (const std::exception& e) {
      stats.report_problem = e.what();
    }
    return stats;
  }

  const Problem& problem_;
  std::unique_ptr<Runner> runner_;
  Setup setup_;
  std::string stopped_;
  bool cgroup_ = false;
  std::optional<Micros> last_, previous_;
};

Setup setup_of(const Problem& p, const SourceFile& file, Millis time_cap) {
  Setup s = setup_for(p, file);
  // A run over this is stopped: the budget could not afford it repeated, let alone the next size.
  s.limits.time = std::min(s.limits.time, time_cap);
  s.limits.wall = std::min(s.limits.wall, 3 * s.limits.time);
  s.isolation = Isolation::Shared;
  return s;
}

template <typename Get>
std::vector<Sample> samples_of(const std::vector<ScalingPoint>& points, Get get) {
  std::vector<Sample> out;
  for (const auto& p : points) {
    if (auto v = get(p)) out.push_back({double(p.size), *v});
  }
  return out;
}

// A series that ended at `limit_verdict` (TLE for time, MLE for memory) at some size cost at
// least `limit` there: its exponent is a lower bound. When fewer than three of its samples rose
// above `least` (a cost that jumped from nothing to the limit), that size joins the fit as a
// sample of `limit`; otherwise it would only pull a measured slope down.
bool add_limit_sample(const std::vector<ScalingPoint>& points, bool yours, const char* limit_verdict, double limit,
                      double least, std::vector<Sample>& samples) {
  for (const auto& p : points) {
    if ((yours ? p.yours_stopped : p.reference_stopped) == limit_verdict) {
      auto risen = std::count_if(samples.begin(), samples.end(), [&](const Sample& s) { return s.value > least; });
      if (risen < 3) samples.push_back({double(p.size), limit});
      return true;
    }
  }
  return false;
}

// Time's floor: each side's own fixed cost per call (the harness's, plus what the solution does
// whatever n is: imports, building a Counter of nothing), most of its cheapest run.
double own_floor(const std::vector<Sample>& samples) {
  double floor = 0;
  for (const auto& s : samples) floor = floor == 0 ? s.value : std::min(floor, s.value);
  return 0.8 * floor;
}

// Your series' stop at `limit_verdict` as compare_at_limit() evidence: the last size before it
// at which both were measured, and the reference's cost at the size you stopped at.
std::optional<LimitStop> limit_stop(const std::vector<ScalingPoint>& points, const std::vector<Sample>& yours,
                                    const std::vector<Sample>& reference, const char* limit_verdict, double limit) {
  auto at = [](const std::vector<Sample>& s, double n) -> std::optional<Sample> {
    for (const auto& x : s) {
      if (x.size == n) return x;
    }
    return std::nullopt;
  };
  // The last size before the stop at which both were measured (the reference alone also ran
  // between your sizes: measure_reference_between()).
  std::optional<Sample> y, r;
  for (const auto& p : points) {
    if (p.yours_stopped == limit_verdict) {
      auto r_at = at(reference, double(p.size));
      if (!y || !r || !r_at) return std::nullopt;
      return LimitStop{*y, *r, *r_at, limit};
    }
    if (auto yy = at(yours, double(p.size)), rr = at(reference, double(p.size)); yy && rr) y = yy, r = rr;
  }
  return std::nullopt;
}

std::vector<Sample> up_to(std::vector<Sample> samples, double top) {
  std::erase_if(samples, [&](const Sample& s) { return s.size > top; });
  return samples;
}

// Both series fitted on `yours` and `reference` as given (the limit joins a short series) and compared.
void fit_and_compare(const ComplexityReport& r, std::vector<Sample> yours, std::vector<Sample> reference,
                     double yours_floor, double reference_floor, double least, const char* limit_verdict,
                     double limit, ScalingVerdict& v) {
  bool yours_bound = add_limit_sample(r.points, true, limit_verdict, limit, std::max(least, 3 * yours_floor), yours);
  bool reference_bound =
      add_limit_sample(r.points, false, limit_verdict, limit, std::max(least, 3 * reference_floor), reference);
  v.yours = describe_growth(yours, yours_floor, least);
  v.reference = describe_growth(reference, reference_floor, least);
  // A series cut short for any reason (the time limit for memory, the budget) says nothing of
  // the sizes it did not reach: as with a limit, only the conclusion it bounds can be drawn.
  v.comparison = compare_growth(v.yours, v.reference, yours_bound || v.yours_at_least,
                                reference_bound || v.reference_at_least);
}

// `floor` < 0: each side's own_floor(). `least`: see describe_growth().
// The exponents are compared over the sizes both measured (common_top()) when each keeps three
// there; where that is not "faster" but the whole series are (the reference's reaching sizes
// where caches steepen it, which makes "faster" harder, not easier), the whole series' answer
// stands; failing both, a stop at the limit far above the reference can still show it
// (compare_at_limit()).
ScalingVerdict verdict_on(const ComplexityReport& r, std::vector<Sample> yours, std::vector<Sample> reference,
                          double floor, double least, const char* limit_verdict, double limit) {
  ScalingVerdict v;
  double yours_floor = floor < 0 ? own_floor(yours) : floor, reference_floor = floor < 0 ? own_floor(reference) : floor;
  auto stopped = [&](bool mine) {
    return std::any_of(r.points.begin(), r.points.end(),
                       [&](const ScalingPoint& p) { return !(mine ? p.yours_stopped : p.reference_stopped).empty(); });
  };
  v.yours_at_least = stopped(true);
  v.reference_at_least = stopped(false);
  fit_and_compare(r, yours, reference, yours_floor, reference_floor, least, limit_verdict, limit, v);
  if (auto top = common_top(yours, reference, yours_floor, reference_floor, least)) {
    ScalingVerdict common = v;
    fit_and_compare(r, up_to(yours, *top), up_to(reference, *top), yours_floor, reference_floor, least,
                    limit_verdict, limit, common);
    common.compared_up_to = top;
    if (common.comparison.result == Comparison::Faster || v.comparison.result != Comparison::Faster) v = common;
  }
  if (v.comparison.result == Comparison::Faster) return v;
  if (auto stop = limit_stop(r.points, yours, reference, limit_verdict, limit)) {
    GrowthComparison at_limit = compare_at_limit(*stop, yours_floor, reference_floor, least);
    if (at_limit.result == Comparison::Faster) {
      v.comparison = at_limit;
      v.from_limit = true;
    }
  }
  return v;
}

void analyse_points(ComplexityReport& r) {
  auto time_of = [](std::optional<Micros> m) { return m ? std::optional<double>(double(m->count())) : std::nullopt; };
  auto yours_t = samples_of(r.points, [&](const ScalingPoint& p) { return time_of(p.yours_cpu); });
  auto ref_t = samples_of(r.points, [&](const ScalingPoint& p) { return time_of(p.reference_cpu); });
  r.time = verdict_on(r, yours_t, ref_t, -1, kShortestFitted, "TLE", double(Micros(r.run_cap).count()));
  auto mem_of = [](std::optional<Bytes> b) { return b ? std::optional<double>(double(b->value)) : std::nullopt; };
  auto yours_m = samples_of(r.points, [&](const ScalingPoint& p) { return mem_of(p.yours_memory); });
  auto ref_m = samples_of(r.points, [&](const ScalingPoint& p) { return mem_of(p.reference_memory); });
  if (yours_m.empty() && ref_m.empty()) return;  // no cgroup: no per-test peak to fit
  r.memory = verdict_on(r, yours_m, ref_m, kMemoryFloor, 0, "MLE", double(r.memory_limit.value));
}

std::string ms(Micros m) {
  double v = double(m.count()) / 1000.0;
  return v < 10 ? fmt::format("{:.2f} ms", v) : fmt::format("{:.1f} ms", v);
}

std::string kib(Bytes b) { return fmt::format("{} KiB", b.value / 1024); }

std::string growth_phrase(const Growth& g, bool at_least, bool memory) {
  std::string bound = at_least ? "≥ " : "";
  if (g.flat) return memory ? bound + "O(1) extra" : bound + "flat (≈ O(1))";
  if (!g.fit) return "too few sizes above the noise floor";
  std::string error = std::isfinite(g.fit->standard_error) ? fmt::format(" ± {:.2f}", g.fit->standard_error) : "";
  return fmt::format("n^{:.2f}{} ({} O({}){})", g.fit->exponent, error, at_least ? "≥" : "≈", growth_name(g.growth),
                     memory ? " extra" : "");
}

std::string comparison_phrase(const GrowthComparison& c) {
  switch (c.result) {
    case Comparison::Faster: return "grows faster than the reference";
    case Comparison::Same: return "grows like the reference";
    case Comparison::Slower: return "grows slower than the reference";
    case Comparison::Inconclusive: return "inconclusive: " + c.reason;
  }
  return "";
}

nlohmann::json growth_json(const Growth& g, bool at_least) {
  nlohmann::json j = {{"class", std::string(growth_name(g.growth))}, {"flat", g.flat}, {"at_least", at_least}};
  if (g.fit) {
    j["exponent"] = g.fit->exponent;
    j["standard_error"] = std::isfinite(g.fit->standard_error) ? nlohmann::json(g.fit->standard_error) : nlohmann::json();
    j["points"] = g.fit->points;
  }
  return j;
}

nlohmann::json verdict_json(const ScalingVerdict& v) {
  const auto& c = v.comparison;
  nlohmann::json j = {{"yours", growth_json(v.yours, v.yours_at_least)},
                      {"reference", growth_json(v.reference, v.reference_at_least)},
                      {"comparison", std::string(comparison_name(c.result))},
                      {"difference", c.difference},
                      {"standard_error", std::isfinite(c.standard_error) ? nlohmann::json(c.standard_error) : nlohmann::json()}};
  if (c.confidence != Confidence::None) j["confidence"] = std::string(confidence_name(c.confidence));
  if (!c.reason.empty()) j["reason"] = c.reason;
  j["evidence"] = v.from_limit ? "limit" : "exponents";
  if (v.compared_up_to) j["compared_up_to"] = static_cast<std::int64_t>(*v.compared_up_to);
  return j;
}

}  // namespace

std::vector<std::int64_t> complexity_sizes(std::int64_t smallest, std::int64_t largest) {
  std::vector<std::int64_t> sizes;
  smallest = std::max<std::int64_t>(smallest, 1);
  if (largest < 2 * smallest) return {smallest};
  // A narrow range (exponential problems: n up to 10 or 20) still gets six sizes or more.
  double ratio = std::min(2.0, std::pow(double(largest) / double(smallest), 1.0 / 5));
  for (double s = double(smallest); s <= double(largest) * 1.0001; s *= ratio) {
    auto n = static_cast<std::int64_t>(std::llround(s));
    if (sizes.empty() || n > sizes.back()) sizes.push_back(n);
  }
  if (double(largest) > double(sizes.back()) * 1.5) sizes.push_back(largest);
  return sizes;
}

std::optional<std::string> instruction_counter_unavailable() {
  perf_event_attr attr{};
  attr.size = sizeof attr;
  attr.type = PERF_TYPE_HARDWARE;
  attr.config = PERF_COUNT_HW_INSTRUCTIONS;
  attr.disabled = 1;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
  if (fd >= 0) {
    close(static_cast<int>(fd));
    return std::nullopt;
  }
  int err = errno;
  std::string paranoid = "?";
  if (std::ifstream in("/proc/sys/kernel/perf_event_paranoid"); in) in >> paranoid;
  std::error_code ec;
  bool pmu = fs::exists("/sys/bus/event_source/devices/cpu", ec) || fs::exists("/sys/bus/event_source/devices/cpu_core", ec);
  std::string why = err == ENOENT && !pmu ? "the CPU exposes no performance-monitoring unit (a VM without a virtual PMU)"
                    : err == EACCES || err == EPERM ? "not permitted"
                                                    : std::strerror(err);
  return fmt::format("perf_event_open(PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS) failed with {} ({}); "
                     "kernel.perf_event_paranoid = {}; CPU time is reported instead",
                     err == ENOENT ? "ENOENT" : err == EACCES ? "EACCES" : err == EPERM ? "EPERM" : std::to_string(err),
                     why, paranoid);
}

namespace {

// Where your series stopped early, the exponents are best compared over the sizes it reached
// (common_top()), where the reference's fitted sizes are few, and the reference's whole series
// is a staircase (a dict's or list's capacity doubles) sampled at doublings: the reference, cheap
// against a solution that stopped early, also runs inside each step whose upper end it took over
// kShortestFitted for (quarter steps up to your largest size, the middle beyond). Those rows have
// no figure of yours.
void measure_reference_between(const Problem& problem, const GeneratorSpec& gen, const RunTest& first, Series& ref,
                               int repeats, const std::function<Micros()>& left, Micros& spent,
                               std::vector<ScalingPoint>& points) {
  auto merge = [&](std::vector<ScalingPoint>& between) {
    points.insert(points.end(), between.begin(), between.end());
    std::stable_sort(points.begin(), points.end(),
                     [](const ScalingPoint& a, const ScalingPoint& b) { return a.size < b.size; });
  };
  bool yours_stopped =
      std::any_of(points.begin(), points.end(), [](const ScalingPoint& p) { return !p.yours_stopped.empty(); });
  if (ref.stopped() || !yours_stopped) return;
  auto reached = std::find_if(points.rbegin(), points.rend(), [](const ScalingPoint& p) { return p.yours_cpu; });
  std::int64_t top = reached == points.rend() ? 0 : reached->size;
  std::vector<ScalingPoint> between;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const auto& upper = points[i].reference_cpu;
    if (!upper || double(upper->count()) <= kShortestFitted) continue;
    // Up to the size yours reached, quarter steps (2^¼): the common range is where the
    // reference's fitted sizes are fewest, and a generator's draw moves single sizes there.
    int parts = points[i].size <= top ? 4 : 2;
    double a = double(points[i - 1].size), b = double(points[i].size);
    for (int k = 1; k < parts; ++k) {
      auto n = static_cast<std::int64_t>(std::llround(a * std::pow(b / a, double(k) / parts)));
      if (n <= points[i - 1].size || n >= points[i].size) continue;
      if (*upper * (*upper < kShortRun ? kShortRunRepeats : repeats) > left()) return merge(between);
      ScalingPoint p;
      p.size = n;
      ref.measure(first, input_at(problem, gen, n), repeats, spent, p.reference_cpu, p.reference_memory,
                  p.reference_stopped);
      if (!p.reference_stopped.empty()) return merge(between);  // cannot happen below a size it passed
      between.push_back(std::move(p));
    }
  }
  merge(between);
}

}  // namespace

ComplexityReport analyse_complexity(const Problem& problem, const SourceFile& solution,
                                    const RunnerFactory& make_runner, const ComplexityOptions& options) {
  ComplexityReport r;
  r.repeats = options.repeats;
  r.budget = options.budget;
  if (auto why = instruction_counter_unavailable()) r.instructions = *why;
  const GeneratorSpec* gen = chosen_generator(problem);
  std::optional<fs::path> reference = reference_solution(problem);
  if (!gen || !reference) {
    r.inconclusive = !gen ? "the problem has no generator to make inputs of growing size"
                          : "the problem has no reference solution to compare with";
    return r;
  }
  r.generator = gen->file.filename().string();
  const ComplexitySpec* spec = problem.complexity ? &*problem.complexity : nullptr;
  std::int64_t largest = spec && spec->max_size ? spec->max_size : *std::max_element(gen->sizes.begin(), gen->sizes.end());
  std::int64_t smallest = spec && spec->min_size ? spec->min_size : std::max(kSmallestDefault, largest / 1024);
  std::vector<std::int64_t> sizes = complexity_sizes(std::min(smallest, largest), largest);
  // No single run may take more than an eighth of the budget.
  Millis cap = std::min(problem.limits.time, std::chrono::duration_cast<Millis>(options.budget / 8));
  r.run_cap = cap;
  r.memory_limit = problem.limits.memory;
  Micros spent{0};
  Micros judge_start = thread_cpu();
  SourceFile reference_file = read_source_file(*reference);
  reference_file.name = reference->filename().string();
  Series yours(problem, make_runner, setup_of(problem, solution, cap));
  Series ref(problem, make_runner, setup_of(problem, reference_file, cap));
  if (!yours.start()) {
    r.inconclusive = "the solution does not compile";
    return r;
  }
  if (!ref.start()) throw JudgeError("the reference solution " + reference->string() + " does not compile");
  RunTest first = input_at(problem, *gen, sizes.front());
  for (std::size_t i = 0; i < sizes.size() && !(yours.stopped() && ref.stopped()); ++i) {
    ScalingPoint point;
    point.size = sizes[i];
    double ratio = i ? double(sizes[i]) / double(sizes[i - 1]) : 1;
    auto left = [&] { return options.budget - spent - (thread_cpu() - judge_start); };
    for (auto* s : {&yours, &ref}) {
      std::string& why = s == &yours ? point.yours_stopped : point.reference_stopped;
      Micros next = s->predicted(ratio);
      if (next * (next >= kRepeatBelow ? 1 : options.repeats) > left()) s->stop("budget", why);
    }
    if (yours.stopped() && ref.stopped()) {
      if (!point.yours_stopped.empty() || !point.reference_stopped.empty()) r.points.push_back(point);
      break;
    }
    RunTest input = input_at(problem, *gen, sizes[i]);
    ref.measure(first, input, options.repeats, spent, point.reference_cpu, point.reference_memory, point.reference_stopped);
    yours.measure(first, input, options.repeats, spent, point.yours_cpu, point.yours_memory, point.yours_stopped);
    yours.advance();
    ref.advance();
    r.points.push_back(std::move(point));
  }
  measure_reference_between(problem, *gen, first, ref, options.repeats,
                            [&] { return options.budget - spent - (thread_cpu() - judge_start); }, spent, r.points);
  r.spent = spent + (thread_cpu() - judge_start);
  analyse_points(r);
  return r;
}

nlohmann::json to_json(const ComplexityReport& r) {
  nlohmann::json j = {{"generator", r.generator},
                      {"repeats", r.repeats},
                      {"measure", "CPU time of the test's run in a warm child (the box reads the child's CPU clock)"},
                      {"budget_ms", r.budget.count() / 1000},
                      {"spent_ms", r.spent.count() / 1000}};
  if (!r.inconclusive.empty()) j["inconclusive"] = r.inconclusive;
  j["instructions"] = r.instructions.empty() ? nlohmann::json("available") : nlohmann::json(r.instructions);
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : r.points) {
    nlohmann::json o = {{"n", p.size}};
    auto put = [&](const char* key, const auto& v, auto f) {
      if (v) o[key] = f(*v);
    };
    put("yours_ms", p.yours_cpu, [](Micros m) { return double(m.count()) / 1000; });
    put("reference_ms", p.reference_cpu, [](Micros m) { return double(m.count()) / 1000; });
    put("yours_memory_kib", p.yours_memory, [](Bytes b) { return b.value / 1024; });
    put("reference_memory_kib", p.reference_memory, [](Bytes b) { return b.value / 1024; });
    if (!p.yours_stopped.empty()) o["yours_stopped"] = p.yours_stopped;
    if (!p.reference_stopped.empty()) o["reference_stopped"] = p.reference_stopped;
    points.push_back(o);
  }
  j["points"] = points;
  if (r.time) j["time"] = verdict_json(*r.time);
  if (r.memory) j["memory"] = verdict_json(*r.memory);
  j["summary"] = complexity_summary(r);
  j["text"] = complexity_text(r);  // what `run` prints: the interviewer page shows it as text
  return j;
}

std::string complexity_text(const ComplexityReport& r) {
  if (!r.inconclusive.empty()) return "Scaling: inconclusive: " + r.inconclusive + "\n";
  std::string out;
  std::string first = r.points.empty() ? "?" : std::to_string(r.points.front().size);
  std::string last = r.points.empty() ? "?" : std::to_string(r.points.back().size);
  out += fmt::format("Scaling (sizes {} … {} from {}, best of {}, CPU time of the solution's run):\n", first, last,
                     r.generator, r.repeats);
  out += fmt::format("  {:<9} {:>11} {:>11} {:>12} {:>12}\n", "n", "yours", "reference", "yours mem", "ref mem");
  for (const auto& p : r.points) {
    auto cpu = [](const std::optional<Micros>& m, const std::string& stopped) {
      return m ? ms(*m) : stopped.empty() ? std::string("—") : stopped;
    };
    auto mem = [](const std::optional<Bytes>& b) { return b ? kib(*b) : std::string("—"); };
    out += fmt::format("  {:<9} {:>11} {:>11} {:>12} {:>12}\n", p.size, cpu(p.yours_cpu, p.yours_stopped),
                       cpu(p.reference_cpu, p.reference_stopped), mem(p.yours_memory), mem(p.reference_memory));
  }
  auto line = [&](const char* what, const ScalingVerdict& v, bool memory) {
    std::string conf = v.comparison.confidence == Confidence::None
                           ? ""
                           : fmt::format("   confidence: {}", confidence_name(v.comparison.confidence));
    std::string range = v.compared_up_to ? fmt::format(" (sizes up to {})", *v.compared_up_to) : "";
    std::string basis = v.from_limit ? fmt::format(" (at the limit: your cost's ratio to the reference's grew by "
                                                   "n^{:.2f} or more over the last size step)",
                                                   v.comparison.difference)
                                     : "";
    out += fmt::format("  {:<7} yours {}; reference {}{}: {}{}{}\n", what,
                       growth_phrase(v.yours, v.yours_at_least, memory),
                       growth_phrase(v.reference, v.reference_at_least, memory), range,
                       comparison_phrase(v.comparison), basis, conf);
  };
  if (r.time) line("time:", *r.time, false);
  if (r.memory) line("memory:", *r.memory, true);
  else out += "  memory: not measured (no cgroup: no per-test peak)\n";
  if (!r.instructions.empty()) out += "  instructions: " + r.instructions + "\n";
  out += fmt::format("  analysis: {:.1f} s of CPU (budget {:.0f} s)\n", double(r.spent.count()) / 1e6,
                     double(r.budget.count()) / 1e6);
  return out;
}

std::string complexity_summary(const ComplexityReport& r) {
  if (!r.inconclusive.empty() || !r.time) return "inconclusive";
  const auto& t = *r.time;
  std::string s = fmt::format("{}{} vs {}: {}", t.yours_at_least ? "≥" : "", growth_name(t.yours.growth),
                              growth_name(t.reference.growth), comparison_name(t.comparison.result));
  if (t.comparison.confidence != Confidence::None) s += fmt::format(" ({})", confidence_name(t.comparison.confidence));
  return s;
}

}  // namespace pyjudge
