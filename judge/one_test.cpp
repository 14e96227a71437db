#include "judge/one_test.hpp"

#include <fmt/format.h>

#include "judge/compare.hpp"
#include "judge/escape.hpp"
#include "judge/feedback.hpp"
#include "judge/interactive.hpp"
#include "judge/output_validator.hpp"
#include "judge/python_host.hpp"

namespace pyjudge {

namespace {

constexpr std::size_t kMaxDetail = 4096;

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
  s.outcome.report = {};  // decoded (or refused): the raw bytes are not kept
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

void set(TestReport& r, bool ok, std::string message) {
  r.verdict = ok ? Verdict::AC : Verdict::WA;
  r.message = std::move(message);
}

std::string shown_stdout(const std::string& data) {
  if (data.size() <= kShownStdout) return printable(data);
  return printable(data.substr(0, kShownStdout)) + fmt::format("\n… ({} more bytes not shown)", data.size() - kShownStdout);
}

// The steps of judging one test, over one test's data only: made afresh for every test.
class OneTest {
 public:
  OneTest(const Problem& p, const SourceFile& file, const TestCase& test, const RunStats& s)
      : p_(p), file_(file), test_(test), s_(s),
        raised_(s.report ? std::get_if<RaisedException>(&*s.report) : nullptr),
        returned_(s.report ? std::get_if<Returned>(&*s.report) : nullptr) {}

  void compare(TestReport& r) const {
    if (!test_.raises.empty()) {
      bool ok = raised_ && raised_matches(*raised_, test_.raises);
      return set(r, ok, ok ? "" : raised_ ? fmt::format("expected {} to be raised, got {}", test_.raises, raised_->type)
                                          : fmt::format("expected {} to be raised, but the code finished", test_.raises));
    }
    if (p_.mode == Mode::Stdio) return compare_stdout(r);
    if (const auto* bad = s_.report ? std::get_if<NotPlainData>(&*s_.report) : nullptr) {
      return set(r, false, "returned " + bad->reason);
    }
    if (!returned_) return set(r, false, "no result");
    if (p_.compare == CompareMode::Checker) {
      return run_checker(test_.expected.value_or(Value::none()), returned_->value, r);
    }
    if (test_.expected) {
      Comparison c = compare_values(*test_.expected, returned_->value, p_.compare, p_.compare_options);
      if (!c.equal) return set(r, false, c.message);
    }
    if (test_.expected_output) {
      Comparison c = compare_output(*test_.expected_output, s_.outcome.stdout_data, CompareMode::Lines, p_.compare_options);
      if (!c.equal) return set(r, false, "printed output: " + c.message);
    }
    set(r, true, "");
  }

  // Every failed test keeps its detail here, each piece cut to a few KiB: what a candidate may
  // see of it is decided later, from the audience alone (judge/redact.cpp).
  void add_details(TestReport& r) const {
    if (raised_ && r.verdict != Verdict::AC) {
      r.error_line = candidate_line(*raised_, file_.name);
      r.raised = true;
      r.builtin_exception = host::builtin_exception(raised_->module, raised_->type);
    }
    r.message = cut_text(r.message, kMaxDetail);
    if (r.verdict == Verdict::AC) return;
    r.input = cut_text(describe_input(p_, test_), kMaxDetail);
    r.stderr_text = cut_text(printable(s_.outcome.stderr_data), kMaxDetail);
    if (raised_ && (r.verdict == Verdict::RE || r.verdict == Verdict::MLE || r.verdict == Verdict::WA)) {
      r.traceback = cut_text(format_traceback(*raised_, file_.name, file_.text), 2 * kMaxDetail);
    }
    // An interactive test's answer file is the interactor's, and its output went to it.
    if (r.verdict != Verdict::WA || (p_.package && p_.package->interactive)) return;
    add_expected_and_got(r);
    if (p_.mode == Mode::Stdio || test_.expected_output) {
      r.diff = cut_text(line_diff(test_.expected_output.value_or(""), s_.outcome.stdout_data), 2 * kMaxDetail);
    }
  }

  // What a sample or custom test printed, and a custom test's input, expected value and result
  // in full whatever the verdict (LeetCode's "Run" shows both). Hidden tests never get here.
  void add_shown_output(TestReport& r) const {
    r.custom = test_.custom;
    if (p_.mode != Mode::Stdio) r.stdout_text = shown_stdout(s_.outcome.stdout_data);
    if (!test_.custom || r.verdict != Verdict::AC) return;
    r.input = describe_input(p_, test_);
    add_expected_and_got(r);
    if (p_.mode != Mode::Stdio && !returned_ && raised_) r.got = cut_text(printable("raised " + raised_->type), kMaxDetail);
  }

 private:
  void add_expected_and_got(TestReport& r) const {
    if (p_.mode == Mode::Stdio) {
      r.expected = cut_text(test_.expected_output.value_or(""), kMaxDetail);
      r.got = cut_text(printable(s_.outcome.stdout_data.substr(0, kMaxDetail * 2)), kMaxDetail);
      return;
    }
    if (test_.expected) r.expected = repr(*test_.expected, kMaxDetail);
    else if (!test_.raises.empty()) r.expected = "raises " + test_.raises;
    if (returned_) r.got = printable(repr(returned_->value, kMaxDetail));
  }

  void compare_stdout(TestReport& r) const {
    if (p_.compare == CompareMode::Checker) {
      return run_checker(Value::of_str(test_.expected_output.value_or("")), Value::of_str(s_.outcome.stdout_data), r);
    }
    if (p_.output_validator) return run_package_validator(r);
    Comparison c = compare_output(test_.expected_output.value_or(""), s_.outcome.stdout_data, p_.compare,
                                  test_.compare_options.value_or(p_.compare_options));
    set(r, c.equal, c.message);
  }

  // A problem package's output validator: its team message is the candidate's (sample tests
  // only, as every message), its judge message the authors'.
  void run_package_validator(TestReport& r) const {
    ValidatorResult v;
    try {
      v = run_output_validator(*p_.output_validator, test_.input_file.value_or(""), test_.answer_file.value_or(""),
                               s_.outcome.stdout_data, test_.validator_args);
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

  void run_checker(const Value& expected, const Value& got, TestReport& r) const {
    Value args = p_.mode == Mode::Stdio ? Value::of_str(test_.input.stdin_data)
               : p_.mode == Mode::Script ? Value::of_str(test_.input.code)
               : test_.input.args.decode();
    try {
      auto v = host::check(*p_.checker, args, expected, got, p_.author_limits);
      set(r, v.accepted, v.message);
    } catch (const std::runtime_error& e) {
      r.verdict = Verdict::IE;
      r.message = std::string("checker failed: ") + e.what();
    }
  }

  const Problem& p_;
  const SourceFile& file_;
  const TestCase& test_;
  const RunStats& s_;
  const RaisedException* raised_;
  const Returned* returned_;
};

}  // namespace

TestReport judge_test(const Problem& problem, const SourceFile& file, const TestCase& test, TestOutcome outcome,
                      const InteractionResult* interaction) {
  TestReport r;
  r.name = test.name;
  r.sample = test.sample;
  bool too_large = false;
  const RunStats stats = stats_for(problem, test, std::move(outcome), too_large);
  r.cpu = stats.cpu();
  r.wall = stats.outcome.wall;
  r.memory = stats.memory();
  r.memory_from_cgroup = stats.outcome.cgroup_peak.value > 0;
  r.rusage_memory = stats.rusage_memory();
  OneTest one(problem, file, test, stats);
  Classification c = interaction ? classify_interaction(*interaction, stats, problem.limits)
                                 : classify(stats, problem.limits);
  if (interaction) {
    r.author_message = printable(interaction->interactor.judge_message);
    r.interactor_cpu = interaction->interactor_cpu;
    r.interactor_wall = interaction->interactor_wall;
  }
  if (!c.verdict) {
    one.compare(r);
  } else {
    r.verdict = *c.verdict;
    r.message = c.message;
    if (too_large && r.verdict == Verdict::OLE) {
      r.message = fmt::format("the result is over the result channel's limit ({} MiB, or {} values)",
                              kMaxChildReport >> 20, kMaxValues);
    }
  }
  one.add_details(r);
  if (test.sample || test.custom) one.add_shown_output(r);
  return r;
}

}  // namespace pyjudge
