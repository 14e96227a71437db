#include "judge/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "judge/python_host.hpp"

#include "judge/report.hpp"

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

// Same seed, same tests: the generators run twice and must produce the same inputs.
void check_deterministic(const Problem& problem, ProblemValidation& v) {
  if (problem.generators.empty()) return;
  std::vector<TestCase> first = generated_inputs(problem), second = generated_inputs(problem);
  for (std::size_t i = 0; i < first.size() && i < second.size(); ++i) {
    if (encode(first[i].input) != encode(second[i].input)) {
      v.errors.push_back(fmt::format("{}: the generator is not deterministic: test {} differs between two runs "
                                     "with the same seed (use only the rng it is given)",
                                     first[i].origin.str(), first[i].name));
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
  // A rejected solution's verdict is that of its first failing test: no need to run the rest.
  jo.stop_on_failure = c.expected != Verdict::AC;
  SubmissionReport r;
  try {
    r = judge_file(problem, tests, file, make_runner, jo);
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
    auto runner = make_runner();
    runs.push_back(judge_source(problem, tests, "always_equal.py", source, *runner, {}));
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
    problem = load_problem(dir);
    v.id = problem.id;
    v.time_limit = problem.limits.time;
    check_deterministic(problem, v);
    tests = all_tests(problem, make_runner);
    v.tests = static_cast<int>(tests.size());
  } catch (const std::exception& e) {  // SpecError (file:line: field), JudgeError (generator, reference)
    v.errors.push_back(e.what());
    return done();
  }
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
          {"ok", v.ok()},          {"errors", v.errors},
          {"tests", v.tests},      {"time_limit_ms", v.time_limit.count()},
          {"seconds", v.seconds},  {"solutions", sols}};
}

}  // namespace pyjudge
