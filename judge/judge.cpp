#include "judge/judge.hpp"

#include <fmt/format.h>

#include <atomic>
#include <map>
#include <thread>
#include <utility>

#include <fstream>
#include <sstream>

#include "judge/compare.hpp"
#include "judge/escape.hpp"
#include "judge/feedback.hpp"
#include "judge/output_validator.hpp"
#include "judge/python_host.hpp"

namespace pyjudge {

namespace {

std::string read_source(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Setup setup_for(const Problem& problem, const std::string& filename, const std::string& source) {
  Setup s;
  s.mode = problem.mode;
  s.prelude = problem.prelude;
  s.entry = problem.entry;
  s.filename = filename;
  s.source = source;
  s.limits = problem.limits;
  s.isolation = problem.isolation;
  return s;
}

// Turns the box's raw outcome into RunStats: the child's report is hostile input.
RunStats stats_for(const Problem& problem, const TestCase& test, TestOutcome outcome, bool& too_large) {
  RunStats s;
  s.outcome = std::move(outcome);
  s.stdout_is_the_answer = problem.mode == Mode::Stdio;
  s.exception_expected = !test.raises.empty();
  if (!s.outcome.report.empty()) {
    try {
      s.report = decode_child_report(s.outcome.report);
    } catch (const ValueTooLarge&) {
      too_large = true;
      s.outcome.report_truncated = true;  // classify(): OLE
    } catch (const ProtocolError&) {
      s.report_problem = "the solution wrote to the judge's result channel";
    }
  }
  return s;
}

// `raises: ValueError` means the builtin, not a candidate's own class named ValueError; other
// names match a class of that name anywhere in the exception's MRO; dotted names match exactly.
bool raised_matches(const RaisedException& e, const std::string& expected) {
  bool builtin = expected.find('.') == std::string::npos && host::is_builtin_name(expected);
  for (const auto& cls : e.mro) {
    if (cls == expected || cls == "builtins." + expected) return true;
    if (!builtin && cls.size() > expected.size() && cls.ends_with("." + expected)) return true;
  }
  return false;
}

class TestJudge {
 public:
  TestJudge(const Problem& p, const std::string& filename, const std::string& source)
      : p_(p), filename_(filename), source_(source) {}

  TestReport judge(const TestCase& test, TestOutcome outcome) {
    got_.reset();  // what this test returned, never a previous test's
    TestReport r;
    r.name = test.name;
    r.sample = test.sample;
    bool too_large = false;
    RunStats stats = stats_for(p_, test, std::move(outcome), too_large);
    stats.outcome.report = {};  // decoded (or refused): the raw bytes are not kept
    r.cpu = stats.cpu();
    r.wall = stats.outcome.wall;
    r.memory = stats.memory();
    r.memory_from_cgroup = stats.outcome.cgroup_peak.value > 0;
    r.rusage_memory = stats.rusage_memory();
    Classification c = classify(stats, p_.limits);
    if (c.verdict) {
      r.verdict = *c.verdict;
      r.message = c.message;
      if (too_large && r.verdict == Verdict::OLE) {
        r.message = fmt::format("the result is over the result channel's limit ({} MiB, or {} values)",
                                kMaxChildReport >> 20, kMaxValues);
      }
    } else {
      compare(test, stats, r);
    }
    add_details(test, stats, r);
    if (test.sample || test.custom) add_shown_output(test, stats, r);
    return r;
  }

 private:
  void compare(const TestCase& test, const RunStats& s, TestReport& r) {
    const auto* raised = s.report ? std::get_if<RaisedException>(&*s.report) : nullptr;
    const auto* ret = s.report ? std::get_if<Returned>(&*s.report) : nullptr;
    if (ret) got_ = ret->value;
    if (!test.raises.empty()) {
      bool ok = raised && raised_matches(*raised, test.raises);
      return set(r, ok, ok ? "" : raised ? fmt::format("expected {} to be raised, got {}", test.raises, raised->type)
                                         : fmt::format("expected {} to be raised, but the code finished", test.raises));
    }
    if (p_.mode == Mode::Stdio) return compare_stdout(test, s, r);
    if (const auto* bad = s.report ? std::get_if<NotPlainData>(&*s.report) : nullptr) {
      return set(r, false, "returned " + bad->reason);
    }
    if (!ret) return set(r, false, "no result");
    if (p_.compare == CompareMode::Checker) return run_checker(test, test.expected.value_or(Value::none()), ret->value, r);
    if (test.expected) {
      Comparison c = compare_values(*test.expected, ret->value, p_.compare, p_.compare_options);
      if (!c.equal) return set(r, false, c.message);
    }
    if (test.expected_output) {
      Comparison c = compare_output(*test.expected_output, s.outcome.stdout_data, CompareMode::Lines, p_.compare_options);
      if (!c.equal) return set(r, false, "printed output: " + c.message);
    }
    set(r, true, "");
  }

  void compare_stdout(const TestCase& test, const RunStats& s, TestReport& r) {
    if (p_.compare == CompareMode::Checker) {
      return run_checker(test, Value::of_str(test.expected_output.value_or("")), Value::of_str(s.outcome.stdout_data), r);
    }
    if (p_.output_validator) return run_package_validator(test, s, r);
    Comparison c = compare_output(test.expected_output.value_or(""), s.outcome.stdout_data, p_.compare,
                                  test.compare_options.value_or(p_.compare_options));
    set(r, c.equal, c.message);
  }

  // A problem package's output validator: its team message is the candidate's (sample tests
  // only, as every message), its judge message the authors'.
  void run_package_validator(const TestCase& test, const RunStats& s, TestReport& r) {
    ValidatorResult v;
    try {
      v = run_output_validator(*p_.output_validator, test.input_file.value_or(""), test.answer_file.value_or(""),
                               s.outcome.stdout_data, test.validator_args);
    } catch (const std::runtime_error& e) {
      v.failure = fmt::format("output validator {}: {}", p_.output_validator->source.string(), e.what());
    }
    r.author_message = printable(v.judge_message);
    if (v.outcome == ValidatorResult::Outcome::Failed) {
      r.verdict = Verdict::IE;
      r.message = v.failure;
      return;
    }
    set(r, v.outcome == ValidatorResult::Outcome::Accepted, printable(v.team_message));
    if (r.verdict == Verdict::WA && r.message.empty()) r.message = "the output validator rejected the output";
  }

  void run_checker(const TestCase& test, const Value& expected, const Value& got, TestReport& r) {
    Value args = p_.mode == Mode::Stdio ? Value::of_str(test.input.stdin_data)
               : p_.mode == Mode::Script ? Value::of_str(test.input.code)
               : test.input.args;
    try {
      auto v = host::check(*p_.checker, args, expected, got, p_.author_limits);
      set(r, v.accepted, v.message);
    } catch (const std::runtime_error& e) {
      r.verdict = Verdict::IE;
      r.message = std::string("checker failed: ") + e.what();
    }
  }

  static void set(TestReport& r, bool ok, std::string message) {
    r.verdict = ok ? Verdict::AC : Verdict::WA;
    r.message = std::move(message);
  }

  // Every failed test keeps its detail here, each piece cut to a few KiB: what a candidate may
  // see of it is decided later, from the audience alone (judge/redact.cpp).
  void add_details(const TestCase& test, const RunStats& s, TestReport& r) {
    const auto* raised = s.report ? std::get_if<RaisedException>(&*s.report) : nullptr;
    if (raised && r.verdict != Verdict::AC) {
      r.error_line = candidate_line(*raised, filename_);
      r.raised = true;
      r.builtin_exception = host::builtin_exception(raised->module, raised->type);
    }
    r.message = cut_text(r.message, kMaxDetail);
    if (r.verdict == Verdict::AC) return;
    r.input = cut_text(describe_input(p_, test), kMaxDetail);
    r.stderr_text = cut_text(printable(s.outcome.stderr_data), kMaxDetail);
    if (raised && (r.verdict == Verdict::RE || r.verdict == Verdict::MLE || r.verdict == Verdict::WA)) {
      r.traceback = cut_text(format_traceback(*raised, filename_, source_), 2 * kMaxDetail);
    }
    if (r.verdict != Verdict::WA) return;
    if (p_.mode == Mode::Stdio) {
      r.expected = cut_text(test.expected_output.value_or(""), kMaxDetail);
      r.got = cut_text(printable(s.outcome.stdout_data.substr(0, kMaxDetail * 2)), kMaxDetail);
      r.diff = cut_text(line_diff(test.expected_output.value_or(""), s.outcome.stdout_data), 2 * kMaxDetail);
    } else {
      if (test.expected) r.expected = repr(*test.expected, kMaxDetail);
      else if (!test.raises.empty()) r.expected = "raises " + test.raises;
      if (got_) r.got = printable(repr(*got_, kMaxDetail));
      if (test.expected_output) r.diff = cut_text(line_diff(*test.expected_output, s.outcome.stdout_data), 2 * kMaxDetail);
    }
  }

  // What a sample or custom test printed, and a custom test's input, expected value and result
  // in full whatever the verdict (LeetCode's "Run" shows both). Hidden tests never get here.
  void add_shown_output(const TestCase& test, const RunStats& s, TestReport& r) {
    r.custom = test.custom;
    if (p_.mode != Mode::Stdio) r.stdout_text = shown_stdout(s.outcome.stdout_data);
    if (!test.custom || r.verdict != Verdict::AC) return;
    r.input = describe_input(p_, test);
    if (p_.mode == Mode::Stdio) {
      r.expected = cut_text(test.expected_output.value_or(""), kMaxDetail);
      r.got = cut_text(printable(s.outcome.stdout_data.substr(0, kMaxDetail * 2)), kMaxDetail);
    } else {
      if (test.expected) r.expected = repr(*test.expected, kMaxDetail);
      else if (!test.raises.empty()) r.expected = "raises " + test.raises;
      if (got_) r.got = printable(repr(*got_, kMaxDetail));
      else if (const auto* raised = s.report ? std::get_if<RaisedException>(&*s.report) : nullptr) {
        r.got = cut_text(printable("raised " + raised->type), kMaxDetail);
      }
    }
  }

  static std::string shown_stdout(const std::string& data) {
    if (data.size() <= kShownStdout) return printable(data);
    return printable(data.substr(0, kShownStdout)) + fmt::format("\n… ({} more bytes not shown)", data.size() - kShownStdout);
  }

  static constexpr std::size_t kMaxDetail = 4096;

  const Problem& p_;
  const std::string& filename_;
  const std::string& source_;
  std::optional<Value> got_;
};

void summarise(SubmissionReport& rep) {
  std::optional<Verdict> first_failure;
  for (const auto& t : rep.tests) {
    rep.passed += t.verdict == Verdict::AC;
    rep.max_cpu = std::max(rep.max_cpu, t.cpu);
    rep.max_wall = std::max(rep.max_wall, t.wall);
    rep.max_memory = std::max(rep.max_memory, t.memory);
    if (t.verdict == Verdict::IE) rep.verdict = Verdict::IE;
    if (t.verdict != Verdict::AC && !first_failure) first_failure = t.verdict;
  }
  if (rep.verdict == Verdict::IE && !rep.internal_error.empty()) return;
  bool any_ie = std::any_of(rep.tests.begin(), rep.tests.end(), [](auto& t) { return t.verdict == Verdict::IE; });
  rep.verdict = any_ie ? Verdict::IE : first_failure.value_or(Verdict::AC);
}

// What scoring needs of a test, run or not (a copy of the test would copy its data).
struct PlannedTest {
  std::int64_t points = 0;
  std::string group;
};

std::vector<PlannedTest> plan(const std::vector<TestCase>& tests) {
  std::vector<PlannedTest> out;
  out.reserve(tests.size());
  for (const auto& t : tests) out.push_back({t.points, t.group});
  return out;
}

void score(const Problem& problem, const std::vector<PlannedTest>& tests, SubmissionReport& rep) {
  std::int64_t test_points = 0;
  for (const auto& t : tests) test_points += t.points;
  if (test_points == 0 && problem.groups.empty()) {
    rep.max_score = 1;
    rep.score = rep.verdict == Verdict::AC ? 1 : 0;
    return;
  }
  // Tests not run (stop at the first failure, a compile error) did not pass.
  std::map<std::string, bool> group_passed;
  for (const auto& [name, points] : problem.groups) group_passed[name] = true;
  rep.max_score = test_points;
  rep.score = 0;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    bool passed = i < rep.tests.size() && rep.tests[i].verdict == Verdict::AC;
    if (!tests[i].group.empty()) group_passed[tests[i].group] = group_passed[tests[i].group] && passed;
    else if (passed) rep.score += tests[i].points;
  }
  for (const auto& [name, points] : problem.groups) {
    rep.max_score += points;
    if (group_passed[name]) rep.score += points;
  }
}

// A layer is named by the first word of its entry: "landlock (ABI 7)" is "landlock".
std::optional<std::string> missing_required_layer(const Ready& ready, const std::vector<std::string>& required) {
  auto named = [](const std::string& entry, const std::string& name) {
    return entry.compare(0, name.size(), name) == 0 && (entry.size() == name.size() || entry[name.size()] == ' ' ||
                                                        entry[name.size()] == ':');
  };
  for (const auto& name : required) {
    if (std::any_of(ready.layers.begin(), ready.layers.end(), [&](auto& l) { return named(l, name); })) continue;
    std::string why = "this version of pyjudge does not provide it";
    for (const auto& m : ready.missing) {
      if (named(m, name)) why = m.substr(std::min(m.size(), name.size() + 2));
    }
    return fmt::format("required sandbox layer '{}' is not available on this host: {}", name, why);
  }
  return std::nullopt;
}

// One submission in its box: started once, then fed tests in batches (the written ones, later
// the generated ones), each batch pipelined one test ahead. The report counts `planned` tests,
// whether or not they all run.
class SubmissionRun {
 public:
  SubmissionRun(const Problem& problem, std::vector<PlannedTest> planned, const std::string& filename,
                const std::string& source, Runner& runner, const JudgeOptions& options)
      : problem_(problem), planned_(std::move(planned)), filename_(filename), source_(source), runner_(runner),
        options_(options), tj_(problem, filename, source) {
    rep_.problem = problem.id;
    rep_.solution = filename;
    rep_.limits = problem.limits;
  }

  /// Starts the box; false when nothing will run (a compile error, a missing layer, a box fault).
  bool start() {
    // An empty file says so, instead of "the solution does not define 'Solution'" on every test.
    if (source_.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      rep_.verdict = Verdict::CE;
      rep_.compile_error = fmt::format("empty submission: {} has no code", filename_);
      rep_.compile_error_kind = "EmptySubmission";
      return false;
    }
    return guard([&] {
      auto started = runner_.start(setup_for(problem_, filename_, source_));
      if (auto* ce = std::get_if<CompileError>(&started)) {
        rep_.verdict = Verdict::CE;
        rep_.compile_error = format_compile_error(*ce, filename_, source_);
        rep_.compile_error_line = ce->line;
        rep_.compile_error_kind = ce->kind;
        return false;
      }
      const Ready& ready = std::get<Ready>(started);
      rep_.python_version = ready.python_version;
      rep_.layers = ready.layers;
      rep_.missing_layers = ready.missing;
      rep_.isolation = ready.isolation;
      if (auto missing = missing_required_layer(ready, options_.required_layers)) throw JudgeError(*missing);
      return true;
    });
  }

  /// Judges `tests` in order (the box runs test i + 1 while the judge compares and reports test
  /// i); false once the run must stop (a failure under stop_on_failure, a box fault).
  bool judge(const std::vector<TestCase>& tests) {
    return guard([&] {
      // A test that fails in a shared child after other tests may owe it to them: it is judged
      // again in a fresh child, after the test queued behind it, and that run is the one reported.
      std::optional<TestOutcome> ahead;
      auto next = [&] { return ahead ? *std::exchange(ahead, std::nullopt) : runner_.next_outcome(); };
      if (!tests.empty()) runner_.submit(tests.front().input);
      for (std::size_t i = 0; i < tests.size(); ++i) {
        if (i + 1 < tests.size()) runner_.submit(tests[i + 1].input);
        TestOutcome outcome = next();
        if (rep_.tests.empty() && outcome.ran_setup) rep_.setup = SetupReport{outcome.setup_cpu, outcome.setup_memory};
        bool after_other_tests = !outcome.first_in_child;
        TestReport report = tj_.judge(tests[i], std::move(outcome));
        if (rep_.isolation == Isolation::Shared && after_other_tests && report.verdict != Verdict::AC &&
            report.verdict != Verdict::IE) {
          if (i + 1 < tests.size()) ahead = runner_.next_outcome();
          RunTest fresh = tests[i].input;
          fresh.fresh = true;
          report = tj_.judge(tests[i], runner_.run(fresh));
          report.rerun = true;
        }
        rep_.tests.push_back(std::move(report));
        if (options_.on_test) options_.on_test(rep_.tests.back());
        if (options_.stop_on_failure && rep_.tests.back().verdict != Verdict::AC) return false;
      }
      return true;
    });
  }

  void fail(const std::string& internal_error) { rep_.internal_error = internal_error; }

  SubmissionReport finish() {
    if (rep_.verdict != Verdict::CE) summarise(rep_);
    rep_.total = static_cast<int>(planned_.size());
    if (!rep_.internal_error.empty()) rep_.verdict = Verdict::IE;
    score(problem_, planned_, rep_);
    return std::move(rep_);
  }

 private:
  template <typename F>
  bool guard(F&& f) {
    try {
      return f();
    } catch (const JudgeError& e) {
      fail(e.what());
      return false;
    }
  }

  const Problem& problem_;
  std::vector<PlannedTest> planned_;
  const std::string& filename_;
  const std::string& source_;
  Runner& runner_;
  const JudgeOptions& options_;
  TestJudge tj_;
  SubmissionReport rep_;
};

// The generated tests, prepared on their own thread (generators in the judge's interpreter,
// the reference in its own box: the machine's other core) while the candidate's written tests
// run, or read from the cache at once. Leaving the scope early cancels between two tests.
class GeneratedTests {
 public:
  GeneratedTests(const Problem& problem, const RunnerFactory& make_runner, const TestCache* cache) {
    thread_ = std::thread([this, &problem, &make_runner, cache] {
      try {
        tests_ = generated_tests(problem, make_runner, cache, &cancel_);
      } catch (const JudgeError& e) {
        error_ = e.what();
      } catch (const std::exception& e) {
        error_ = std::string("preparing the generated tests: ") + e.what();
      }
      ready_ = true;
    });
  }
  ~GeneratedTests() {
    cancel_ = true;
    if (thread_.joinable()) thread_.join();
  }
  bool ready() const { return ready_; }
  /// Waits for them; throws JudgeError if preparing them failed.
  std::vector<TestCase> take() {
    thread_.join();
    if (!error_.empty()) throw JudgeError(error_);
    return std::move(tests_);
  }

 private:
  std::atomic<bool> cancel_{false}, ready_{false};
  std::vector<TestCase> tests_;
  std::string error_;
  std::thread thread_;
};

}  // namespace

SubmissionReport judge_source(const Problem& problem, const std::vector<TestCase>& tests,
                              const std::string& filename, const std::string& source,
                              Runner& runner, const JudgeOptions& options) {
  SubmissionRun run(problem, plan(tests), filename, source, runner, options);
  if (run.start()) run.judge(tests);
  return run.finish();
}

SubmissionReport judge_file(const Problem& problem, const std::vector<TestCase>& tests,
                            const std::filesystem::path& solution, const RunnerFactory& make_runner,
                            const JudgeOptions& options) {
  std::string source = read_source(solution);
  auto runner = make_runner();
  return judge_source(problem, tests, solution.string(), source, *runner, options);
}

SubmissionReport judge_file(const Problem& problem, const std::filesystem::path& solution,
                            const RunnerFactory& make_runner, const JudgeOptions& options) {
  std::vector<TestCase> samples;
  if (options.samples_only) {
    std::copy_if(problem.tests.begin(), problem.tests.end(), std::back_inserter(samples), [](auto& t) { return t.sample; });
  }
  const std::vector<TestCase>& written = options.samples_only ? samples : problem.tests;
  bool generate = !options.samples_only && !problem.generators.empty();
  std::vector<PlannedTest> planned = plan(written);
  std::vector<TestCase> to_generate = generate ? planned_generated_tests(problem) : std::vector<TestCase>{};
  for (const auto& t : plan(to_generate)) planned.push_back(t);
  std::string source = read_source(solution);
  std::string filename = solution.string();
  auto runner = make_runner();
  SubmissionRun run(problem, std::move(planned), filename, source, *runner, options);
  if (!run.start()) return run.finish();
  if (!generate) {
    run.judge(written);
    return run.finish();
  }
  GeneratedTests generated(problem, make_runner, options.cache);
  if (!run.judge(written)) return run.finish();
  if (!generated.ready() && options.on_preparing) {
    options.on_preparing(fmt::format("preparing {} generated tests (generators, then the reference solution)…",
                                     to_generate.size()));
  }
  try {
    run.judge(generated.take());
  } catch (const JudgeError& e) {
    run.fail(e.what());
  }
  return run.finish();
}

}  // namespace pyjudge
