#include "judge/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>

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
  std::ifstream in(statement, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) v.errors.push_back(statement.string() + ": empty");
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
    problem = load_problem(dir, options.cache);
    v.id = problem.id;
    v.time_limit = problem.limits.time;
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
  check_statement(dir, v);
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
          {"tests", v.tests},      {"time_limit_ms", v.time_limit.count()},
          {"seconds", v.seconds},  {"solutions", sols}};
}

}  // namespace pyjudge
