#include "judge/judge.hpp"

#include <fmt/format.h>

#include <map>

#include <fstream>
#include <sstream>

#include "judge/compare.hpp"
#include "judge/escape.hpp"
#include "judge/feedback.hpp"
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
    return r;
  }

 private:
  void compare(const TestCase& test, const RunStats& s, TestReport& r) {
    const auto* raised = s.report ? std::get_if<RaisedException>(&*s.report) : nullptr;
    if (!test.raises.empty()) {
      bool ok = raised && raised_matches(*raised, test.raises);
      return set(r, ok, ok ? "" : raised ? fmt::format("expected {} to be raised, got {}", test.raises, raised->type)
                                         : fmt::format("expected {} to be raised, but the code finished", test.raises));
    }
    if (p_.mode == Mode::Stdio) return compare_stdout(test, s, r);
    if (const auto* bad = s.report ? std::get_if<NotPlainData>(&*s.report) : nullptr) {
      return set(r, false, "returned " + bad->reason);
    }
    const auto* ret = s.report ? std::get_if<Returned>(&*s.report) : nullptr;
    if (!ret) return set(r, false, "no result");
    got_ = ret->value;
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
    Comparison c = compare_output(test.expected_output.value_or(""), s.outcome.stdout_data, p_.compare, p_.compare_options);
    set(r, c.equal, c.message);
  }

  void run_checker(const TestCase& test, const Value& expected, const Value& got, TestReport& r) {
    Value args = p_.mode == Mode::Stdio ? Value::of_str(test.input.stdin_data)
               : p_.mode == Mode::Script ? Value::of_str(test.input.code)
               : test.input.args;
    try {
      auto v = host::check(*p_.checker, args, expected, got);
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

  static constexpr std::size_t kMaxDetail = 4096;

  const Problem& p_;
  const std::string& filename_;
  const std::string& source_;
  std::optional<Value> got_;
};

void summarise(SubmissionReport& rep) {
  rep.total = static_cast<int>(rep.tests.size());
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

void score(const Problem& problem, const std::vector<TestCase>& tests, SubmissionReport& rep) {
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

}  // namespace

SubmissionReport judge_source(const Problem& problem, const std::vector<TestCase>& tests,
                              const std::string& filename, const std::string& source,
                              Runner& runner, const JudgeOptions& options) {
  SubmissionReport rep;
  rep.problem = problem.id;
  rep.solution = filename;
  rep.limits = problem.limits;
  try {
    auto started = runner.start(setup_for(problem, filename, source));
    if (auto* ce = std::get_if<CompileError>(&started)) {
      rep.verdict = Verdict::CE;
      rep.total = static_cast<int>(tests.size());
      rep.compile_error = format_compile_error(*ce, filename, source);
      rep.compile_error_line = ce->line;
      score(problem, tests, rep);
      return rep;
    }
    const Ready& ready = std::get<Ready>(started);
    rep.python_version = ready.python_version;
    rep.layers = ready.layers;
    rep.missing_layers = ready.missing;
    if (auto missing = missing_required_layer(ready, options.required_layers)) throw JudgeError(*missing);
    TestJudge tj(problem, filename, source);
    // One test ahead: the box runs test i + 1 while the judge compares and reports test i.
    if (!tests.empty()) runner.submit(tests.front().input);
    for (std::size_t i = 0; i < tests.size(); ++i) {
      if (i + 1 < tests.size()) runner.submit(tests[i + 1].input);
      rep.tests.push_back(tj.judge(tests[i], runner.next_outcome()));
      if (options.on_test) options.on_test(rep.tests.back());
      if (options.stop_on_failure && rep.tests.back().verdict != Verdict::AC) break;
    }
  } catch (const JudgeError& e) {
    rep.internal_error = e.what();
    rep.verdict = Verdict::IE;
  }
  summarise(rep);
  if (!rep.internal_error.empty()) rep.verdict = Verdict::IE;
  score(problem, tests, rep);
  return rep;
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
  std::vector<TestCase> tests;
  try {
    tests = all_tests(problem, make_runner);
  } catch (const JudgeError& e) {
    SubmissionReport rep;
    rep.problem = problem.id;
    rep.solution = solution.string();
    rep.limits = problem.limits;
    rep.internal_error = e.what();
    rep.verdict = Verdict::IE;
    return rep;
  }
  return judge_file(problem, tests, solution, make_runner, options);
}

}  // namespace pyjudge
