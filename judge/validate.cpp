#include "judge/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "judge/python_host.hpp"

#include "judge/default_validator.hpp"
#include "judge/feedback.hpp"
#include "judge/kattis_package.hpp"
#include "judge/output_validator.hpp"
#include "judge/report.hpp"
#include "protocol/files.hpp"
#include "protocol/utf8.hpp"

namespace pyjudge {

namespace fs = std::filesystem;

namespace {

const std::map<std::string, Verdict>& verdict_folders() {
  static const std::map<std::string, Verdict> folders = {
      {"accepted", Verdict::AC},
      {"wrong_answer", Verdict::WA},
      {"time_limit_exceeded", Verdict::TLE},
      {"memory_limit_exceeded", Verdict::MLE},
      {"runtime_error", Verdict::RE},
      {"output_limit_exceeded", Verdict::OLE},
      {"compile_error", Verdict::CE},
  };
  return folders;
}

// Same seed, same tests: the generators run again and must give the inputs the prepared tests
// hold (prepared just now, or cached from an earlier run of the same problem version).
void check_deterministic(const Problem& problem, const std::vector<TestCase>& tests, ProblemValidation& v) {
  if (problem.generators.empty()) return;
  std::vector<TestCase> again = generated_inputs(problem);
  std::size_t first = tests.size() - std::min(tests.size(), again.size());
  for (std::size_t i = 0; i < again.size() && first + i < tests.size(); ++i) {
    if (encode(tests[first + i].input) != encode(again[i].input)) {
      v.errors.push_back(fmt::format("{}: the generator is not deterministic: test {} differs between two runs "
                                     "with the same seed (use only the rng it is given)",
                                     again[i].origin.str(), again[i].name));
      return;
    }
  }
}

// The solution whose time sets the margin: `reference`, else the first accepted one.
std::optional<fs::path> margin_solution(const Problem& problem, const std::vector<fs::path>& solutions) {
  if (problem.reference) return fs::weakly_canonical(*problem.reference);
  for (const auto& s : solutions) {
    if (s.parent_path().filename() == "accepted") return fs::weakly_canonical(s);
  }
  return std::nullopt;
}

std::vector<fs::path> solution_files(const fs::path& dir, ProblemValidation& v) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& folder : fs::directory_iterator(dir / "solutions", ec)) {
    if (!folder.is_directory()) continue;
    std::string name = folder.path().filename().string();
    if (!verdict_of_folder(name)) {
      v.errors.push_back(fmt::format("{}: unknown verdict folder (use one of accepted, wrong_answer, "
                                     "time_limit_exceeded, memory_limit_exceeded, runtime_error, "
                                     "output_limit_exceeded, compile_error)",
                                     folder.path().string()));
      continue;
    }
    for (const auto& f : fs::directory_iterator(folder.path())) {
      if (f.is_regular_file() && f.path().extension() == ".py") out.push_back(f.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

SolutionCheck check_solution(const Problem& problem, const std::vector<TestCase>& tests, const fs::path& file,
                             bool sets_margin, const RunnerFactory& make_runner, const ValidateOptions& options) {
  SolutionCheck c;
  c.file = fs::relative(file, problem.dir);
  c.expected = *verdict_of_folder(file.parent_path().filename().string());
  JudgeOptions jo;
  jo.tests = &tests;
  jo.make_runner = make_runner;
  // A rejected solution's verdict is that of its first failing test: no need to run the rest.
  jo.stop_on_failure = c.expected != Verdict::AC;
  SubmissionReport r;
  try {
    r = judge_submission(problem, read_source_file(file), jo);
  } catch (const std::exception& e) {
    c.message = e.what();
    return c;
  }
  c.got = r.verdict;
  c.passed = r.passed;
  c.total = static_cast<int>(tests.size());
  for (const auto& t : r.tests) c.slowest = std::max(c.slowest, t.cpu);
  auto failing = std::find_if(r.tests.begin(), r.tests.end(), [](const TestReport& t) { return t.verdict != Verdict::AC; });
  if (failing != r.tests.end()) c.message = failing->name + ": " + failing->message;
  if (!r.internal_error.empty()) c.message = r.internal_error;
  if (!r.compile_error.empty()) c.message = r.compile_error;
  c.ok = c.got == c.expected;
  if (c.ok && sets_margin) {
    auto allowed = std::chrono::duration_cast<Micros>(problem.limits.time * options.max_reference_share);
    if (c.slowest > allowed) {
      c.ok = false;
      c.message = fmt::format("the reference's slowest test takes {:.0f} ms, more than {:.0f}% of the {} ms limit",
                              c.slowest.count() / 1000.0, options.max_reference_share * 100,
                              problem.limits.time.count());
    }
  }
  return c;
}

// A solution every value of which claims equality with everything: an object whose __eq__
// returns True, returned from every function and method, bound to every name a script test uses.
// `equal` false gives the control: the same solution whose values equal nothing.
std::string always_equal_source(const Problem& p, const std::vector<TestCase>& tests, bool equal) {
  std::string src = std::string(
      "class _AlwaysEqual:\n") +
      "    def __eq__(self, other): return " + (equal ? "True" : "False") + "\n" +
      "    def __ne__(self, other): return " + (equal ? "False" : "True") + "\n" +
      "    def __hash__(self): return 0\n" +
      "    def __call__(self, *args, **kwargs): return self\n"
      "    def __getattr__(self, name): return self\n"
      "    def __getitem__(self, key): return self\n"
      "    def __iter__(self): return iter((self,))\n"
      "    def __len__(self): return 1\n"
      "    def __bool__(self): return True\n"
      "    def __enter__(self): return self\n"
      "    def __exit__(self, *exc): return False\n"
      "_EQ = _AlwaysEqual()\n";
  auto dot = p.entry.find('.');
  switch (p.mode) {
    case Mode::Stdio: return "";  // its answer is text, compared by the judge
    case Mode::Function:
      if (dot == std::string::npos) return src + "def " + p.entry + "(*args, **kwargs):\n    return _EQ\n";
      [[fallthrough]];
    case Mode::Design:
      return src + "class " + p.entry.substr(0, dot) +
             ":\n    def __init__(self, *args, **kwargs): pass\n    def __getattr__(self, name): return _EQ\n";
    case Mode::Script: {
      std::set<std::string> names;
      for (const auto& t : tests) {
        for (auto& n : host::global_names(t.input.code)) names.insert(n);
      }
      for (const auto& n : names) src += n + " = _EQ\n";
      return src;
    }
  }
  return "";
}

// The judge compares plain data only, so such a solution's values are "not plain data" and it
// passes nothing. A test it passes, when the same solution whose values equal nothing fails it,
// compares the candidate's objects inside the box (`result = f(x) == [...]`), where an object
// that equals everything wins. (A test both pass checks something else: laziness, a TypeError.)
void check_always_equal(const Problem& problem, const std::vector<TestCase>& tests, const RunnerFactory& make_runner,
                        ProblemValidation& v) {
  std::vector<SubmissionReport> runs;
  for (bool equal : {true, false}) {
    std::string source;
    try {
      source = always_equal_source(problem, tests, equal);
    } catch (const std::exception& e) {
      v.errors.push_back(std::string("always-equal check: ") + e.what());
      return;
    }
    if (source.empty()) return;
    JudgeOptions jo;
    jo.tests = &tests;
    jo.make_runner = make_runner;
    runs.push_back(judge_submission(problem, SourceFile{"always_equal.py", source}, jo));
  }
  const auto& claims = runs[0].tests;
  const auto& control = runs[1].tests;
  for (std::size_t i = 0; i < claims.size() && i < control.size(); ++i) {
    if (claims[i].verdict != Verdict::AC || control[i].verdict == Verdict::AC) continue;
    v.errors.push_back(fmt::format("test {} passes a solution whose values claim equality with everything: let "
                                   "`result` hold the candidate's value and compare it with expected:, not with == "
                                   "inside the box",
                                   claims[i].name));
  }
}

}  // namespace

std::optional<Verdict> verdict_of_folder(const std::string& folder) {
  auto it = verdict_folders().find(folder);
  if (it == verdict_folders().end()) return std::nullopt;
  return it->second;
}

bool ProblemValidation::ok() const {
  return errors.empty() && std::all_of(solutions.begin(), solutions.end(), [](const SolutionCheck& s) { return s.ok; });
}

// Candidates read statement.md: a problem without one (or with only white space) is not ready.
void check_statement(const fs::path& dir, ProblemValidation& v) {
  fs::path statement = dir / "statement.md";
  std::error_code ec;
  if (!fs::is_regular_file(statement, ec)) {
    v.errors.push_back(statement.string() + ": missing (candidates read the problem there)");
    return;
  }
  FileContents read = read_whole_file(statement, kMaxProblemFile);
  if (!read.ok()) v.errors.push_back(statement.string() + ": cannot read it: " + read.error);
  else if (read.data.find_first_not_of(" \t\r\n") == std::string::npos) v.errors.push_back(statement.string() + ": empty");
}

// ---- ICPC/Kattis problem packages: the checks of problemtools' verifyproblem we make ----

namespace {

std::string data_name(const Problem& p, const fs::path& file) { return fs::relative(file, p.dir).string(); }

void check_package_statement(const Problem& p, ProblemValidation& v) {
  std::error_code ec;
  if (!fs::is_regular_file(p.statement_file, ec)) {
    v.errors.push_back("no statement: expected statement/problem.en.md (or .tex), or problem_statement/problem.en.tex");
  }
}

// Every .ans must be accepted as the output for its own test, by the validator the test uses.
void check_answers_pass_validator(const Problem& p, const std::vector<TestCase>& tests, ProblemValidation& v) {
  if (p.package && p.package->interactive) return;  // an interactor talks to a solution, not to a file
  for (const auto& t : tests) {
    if (!t.answer_file) continue;
    const std::string& answer = t.expected_output.value_or("");
    if (!p.output_validator) {
      Comparison c = default_validate(answer, answer, t.compare_options.value_or(p.compare_options));
      if (!c.equal) v.errors.push_back(data_name(p, *t.answer_file) + ": the default validator rejects it against itself: " + c.message);
      continue;
    }
    ValidatorResult r = run_output_validator(*p.output_validator, *t.input_file, *t.answer_file, answer, t.validator_args);
    if (r.outcome == ValidatorResult::Outcome::Failed) {
      v.errors.push_back(data_name(p, *t.answer_file) + ": " + r.failure);
    } else if (r.outcome == ValidatorResult::Outcome::Rejected) {
      v.errors.push_back(fmt::format("{}: the output validator rejects the answer as output ({})", data_name(p, *t.answer_file),
                                     printable(r.judge_message.substr(0, 300))));
    }
  }
}

// Inputs a validator that checks the format must refuse: derived from a real input so that
// only the format, not the validator's reading of an empty file, is tested.
std::vector<std::pair<std::string, std::string>> mutated_inputs(const std::string& input) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("an empty input", "");
  out.emplace_back("a stray token appended", input + "pyjudge-stray-token\n");
  std::string no_newline = input;
  while (!no_newline.empty() && no_newline.back() == '\n') no_newline.pop_back();
  if (no_newline != input) out.emplace_back("the final newline removed", no_newline);
  std::size_t first_space = input.find_first_of(" \n");
  if (first_space != std::string::npos && first_space > 0) {
    out.emplace_back("the first token replaced by a letter", "x" + input.substr(first_space));
  }
  out.emplace_back("a double space inserted", input.substr(0, first_space == std::string::npos ? 0 : first_space) + " " +
                                                   input.substr(first_space == std::string::npos ? 0 : first_space));
  return out;
}

void check_input_validators(const Problem& p, const std::vector<TestCase>& tests, ProblemValidation& v) {
  if (p.package->input_validators.empty()) {
    v.warnings.push_back("no input validators (input_validators/): the test data's format is not checked");
    return;
  }
  for (const auto& path : p.package->input_validators) {
    OutputValidator iv;
    try {
      iv = prepare_validator(path, validator_cache_dir());
    } catch (const std::runtime_error& e) {
      v.errors.push_back(e.what());
      continue;
    }
    std::string name = data_name(p, path);
    for (const auto& t : tests) {
      ValidatorResult r = run_input_validator(iv, t.input.stdin_data, {});
      if (r.outcome == ValidatorResult::Outcome::Failed) v.errors.push_back(data_name(p, *t.input_file) + ": " + r.failure);
      else if (r.outcome == ValidatorResult::Outcome::Rejected) {
        v.errors.push_back(fmt::format("{}: rejected by the input validator {}", data_name(p, *t.input_file), name));
      }
    }
    if (tests.empty()) continue;
    for (const auto& [what, bad] : mutated_inputs(tests.front().input.stdin_data)) {
      if (bad == tests.front().input.stdin_data) continue;
      if (run_input_validator(iv, bad, {}).outcome == ValidatorResult::Outcome::Accepted) {
        v.errors.push_back(fmt::format("input validator {} accepts {} ({} with {})", name, what,
                                       data_name(p, *tests.front().input_file), what));
      }
    }
  }
}

// Test-data hygiene, named file by file: what makes a package fail on another judge.
void check_data_hygiene(const Problem& p, const std::vector<TestCase>& tests, ProblemValidation& v) {
  std::map<std::string, std::string> seen_inputs;
  for (const auto& t : tests) {
    if (!t.input_file) continue;
    for (const auto& [file, text] : {std::pair{*t.input_file, t.input.stdin_data}, {*t.answer_file, t.expected_output.value_or("")}}) {
      std::string name = data_name(p, file);
      if (first_invalid_utf8(text)) v.warnings.push_back(name + ": not UTF-8");
      if (text.find('\r') != std::string::npos) v.warnings.push_back(name + ": Windows line endings (\\r\\n)");
      if (text.empty()) v.warnings.push_back(name + ": empty file");
      else if (text.back() != '\n') v.warnings.push_back(name + ": no newline at the end");
    }
    auto [it, fresh] = seen_inputs.emplace(t.input.stdin_data, data_name(p, *t.input_file));
    if (!fresh) v.warnings.push_back(fmt::format("{}: same input as {}", data_name(p, *t.input_file), it->second));
  }
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(p.dir / "data", ec)) {
    fs::path f = e.path();
    if (f.extension() == ".ans" && !fs::exists(fs::path(f).replace_extension(".in"))) v.warnings.push_back(data_name(p, f) + ": no .in beside it");
    if (f.extension() == ".in" && !fs::exists(fs::path(f).replace_extension(".ans"))) v.warnings.push_back(data_name(p, f) + ": no .ans beside it (not a test)");
  }
}

SolutionCheck check_submission(const Problem& p, const std::vector<TestCase>& tests, const LabelledSubmission& s,
                               const RunnerFactory& make_runner, ProblemValidation& v) {
  SolutionCheck c;
  c.file = fs::relative(s.file, p.dir);
  c.expected = s.allowed.front();
  JudgeOptions jo;
  jo.tests = &tests;
  jo.make_runner = make_runner;
  jo.stop_on_failure = c.expected != Verdict::AC;
  SourceFile source = read_source_file(s.file);
  auto judge = [&](const Problem& with) {
    SubmissionReport r = judge_submission(with, source, jo);
    c.got = r.verdict;
    c.passed = r.passed;
    c.total = static_cast<int>(tests.size());
    c.slowest = Micros{0};
    for (const auto& t : r.tests) c.slowest = std::max(c.slowest, t.cpu);
    auto failing = std::find_if(r.tests.begin(), r.tests.end(), [](const TestReport& t) { return t.verdict != Verdict::AC; });
    c.message = failing == r.tests.end() ? "" : failing->name + ": " + failing->message +
                                                    (failing->author_message.empty() ? "" : " [judge: " + failing->author_message.substr(0, 300) + "]");
    if (!r.internal_error.empty()) c.message = r.internal_error;
    if (!r.compile_error.empty()) c.message = r.compile_error;
    return std::find(s.allowed.begin(), s.allowed.end(), c.got) != s.allowed.end();
  };
  c.ok = judge(p);
  // problemtools' safety margin: a rejected submission that runs out of time at the limit is
  // judged again with limit x time_safety_margin; getting its label then is "OK with extra time".
  if (c.got == Verdict::TLE && c.expected != Verdict::AC) {
    Problem extra = p;
    extra.limits = with_time_limit(p.limits, std::chrono::duration_cast<Millis>(p.limits.time * p.package->time_safety_margin));
    Verdict at_limit = c.got;
    bool ok_with_margin = judge(extra);
    if (c.expected == Verdict::TLE) {
      c.ok = c.got != Verdict::AC;
      if (!c.ok) c.message = fmt::format("accepted with {} ms (the limit x time_safety_margin): the limit is too tight to tell it", extra.limits.time.count());
      else c.got = at_limit;
    } else if (ok_with_margin) {
      c.ok = true;
      v.warnings.push_back(fmt::format("{}: OK with extra time ({} at {} ms, {} at {} ms)", c.file.string(), verdict_code(at_limit),
                                       p.limits.time.count(), verdict_code(c.got), extra.limits.time.count()));
    }
  }
  return c;
}

void validate_package(Problem& problem, const std::vector<TestCase>& tests, const RunnerFactory& make_runner,
                      const ValidateOptions& options, ProblemValidation& v) {
  check_package_statement(problem, v);
  check_data_hygiene(problem, tests, v);
  check_answers_pass_validator(problem, tests, v);
  check_input_validators(problem, tests, v);
  try {
    bool derived = !problem.package->time_limit_given;
    settle_time_limit(problem, make_runner);
    v.time_limit = problem.limits.time;
    if (derived) v.warnings.push_back(fmt::format("no time limit given: {} ms from the slowest accepted submission x {}",
                                                  problem.limits.time.count(), problem.package->time_multiplier));
  } catch (const std::exception& e) {
    v.errors.push_back(e.what());
    return;
  }
  auto submissions = labelled_submissions(problem);
  if (std::none_of(submissions.begin(), submissions.end(), [](auto& s) { return s.label == "accepted"; })) {
    v.errors.push_back("no accepted submission: add one under submissions/accepted/");
  }
  for (const auto& s : submissions) {
    v.solutions.push_back(check_submission(problem, tests, s, make_runner, v));
    if (options.on_solution) options.on_solution(v, v.solutions.back());
  }
}

}  // namespace

ProblemValidation validate_problem(const fs::path& dir, const RunnerFactory& make_runner,
                                   const ValidateOptions& options) {
  auto start = std::chrono::steady_clock::now();
  ProblemValidation v;
  v.dir = dir;
  v.id = dir.filename().string();
  auto done = [&] {
    v.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return v;
  };
  Problem problem;
  std::vector<TestCase> tests;
  try {
    problem = load_problem(dir, options.cache);
    v.id = problem.id;
    v.time_limit = problem.limits.time;
    show_generation_progress(true);  // nothing else is printed while the tests are prepared
    tests = all_tests(problem, make_runner, options.cache);
    check_deterministic(problem, tests, v);
    v.tests = static_cast<int>(tests.size());
  } catch (const SpecError& e) {
    v.errors.push_back(e.what());
    v.spec_error = true;
    return done();
  } catch (const std::exception& e) {  // JudgeError (generator, reference)
    v.errors.push_back(e.what());
    return done();
  }
  if (problem.package) {
    validate_package(problem, tests, make_runner, options, v);
    return done();
  }
  check_statement(dir, v);
  check_always_equal(problem, tests, make_runner, v);
  std::vector<fs::path> solutions = solution_files(dir, v);
  auto margin = margin_solution(problem, solutions);
  if (!margin) v.errors.push_back("no accepted solution: add one under solutions/accepted/");
  for (const auto& file : solutions) {
    bool sets_margin = margin && fs::weakly_canonical(file) == *margin;
    v.solutions.push_back(check_solution(problem, tests, file, sets_margin, make_runner, options));
    if (options.on_solution) options.on_solution(v, v.solutions.back());
  }
  return done();
}

nlohmann::json to_json(const ProblemValidation& v) {
  nlohmann::json sols = nlohmann::json::array();
  for (const auto& s : v.solutions) {
    sols.push_back({{"file", s.file.string()},
                    {"expected", verdict_code(s.expected)},
                    {"got", verdict_code(s.got)},
                    {"ok", s.ok},
                    {"passed", s.passed},
                    {"total", s.total},
                    {"slowest_ms", s.slowest.count() / 1000.0},
                    {"message", s.message}});
  }
  return {{"problem", v.id},       {"dir", v.dir.string()},
          {"ok", v.ok()},          {"errors", v.errors},        {"spec_error", v.spec_error},
          {"warnings", v.warnings},
          {"tests", v.tests},      {"time_limit_ms", v.time_limit.count()},
          {"seconds", v.seconds},  {"solutions", sols}};
}

std::string validation_table_header() {
  return fmt::format("{:<30} {:<52} {:<4} {:<4} {:>16}  {}\n", "PROBLEM", "SOLUTION", "WANT", "GOT", "SLOWEST / LIMIT",
                     "RESULT");
}

std::string validation_table_row(const ProblemValidation& v, const SolutionCheck& s, const Palette& palette) {
  std::string row = fmt::format("{:<30} {:<52} {:<4} {:<4} {:>16}  ", v.id, s.file.string(), verdict_code(s.expected),
                                verdict_code(s.got),
                                fmt::format("{:.0f} / {} ms", s.slowest.count() / 1000.0, v.time_limit.count()));
  row += palette.outcome(s.ok, s.ok ? "ok" : s.got == s.expected ? "NO MARGIN" : "MISMATCH") + "\n";
  if (!s.ok && !s.message.empty()) row += "    " + s.message.substr(0, 2000) + "\n";
  return row;
}

std::string validation_findings(const ProblemValidation& v, const Palette& palette) {
  std::string out;
  for (const auto& e : v.errors) out += palette.outcome(false, "error") + " " + v.id + ": " + e + "\n";
  for (const auto& w : v.warnings) out += "warning " + v.id + ": " + w + "\n";
  return out;
}

void ValidationTotals::add(const ProblemValidation& v) {
  ++problems;
  bad_problems += !v.ok();
  spec_errors += v.spec_error;
  solutions += static_cast<int>(v.solutions.size());
  for (const auto& s : v.solutions) bad_solutions += !s.ok;
}

std::string ValidationTotals::summary(double seconds, const Palette& palette) const {
  return fmt::format("{} problems, {} solutions: ", problems, solutions) +
         palette.outcome(ok(), ok() ? "all valid"
                                    : fmt::format("{} problems invalid, {} solutions mismatched", bad_problems,
                                                  bad_solutions)) +
         fmt::format(" ({:.1f} s)\n", seconds);
}

}  // namespace pyjudge
