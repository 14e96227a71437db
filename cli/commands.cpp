#include "cli/commands.hpp"

#include "cli/batch_commands.hpp"

#include <unistd.h>

#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include "judge/feedback.hpp"
#include "judge/problems.hpp"
#include "judge/redact.hpp"
#include "judge/report.hpp"
#include "judge/validate.hpp"

namespace pyjudge::cli {

namespace {

namespace fs = std::filesystem;

bool use_colour() { return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

std::unique_ptr<Runner> make_box_runner() { return std::make_unique<BoxRunner>(); }

Action run_command(CLI::App& app) {
  struct Options {
    std::string problem, solution, problems_dir;
    bool json = false, stop_on_failure = false, reveal_hidden = false;
    std::vector<std::string> require;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problem, "problem id (from the problems folder) or path to a problem")->required();
  app.add_flag("--reveal-hidden", o->reveal_hidden, "for authors: show hidden tests' detail (redacted by default)");
  app.add_option("solution", o->solution, "the candidate's Python file")->required();
  app.add_flag("--json", o->json, "print one JSON object (schema in README) instead of text");
  app.add_flag("--stop-on-failure", o->stop_on_failure, "stop at the first test that is not AC");
  app.add_option("--problems", o->problems_dir, "folder of problems to look ids up in");
  add_require_option(app, o->require);
  return [o] {
    Problem problem = find_problem(o->problem, o->problems_dir.empty() ? default_problems_dir() : fs::path(o->problems_dir));
    std::error_code ec;
    if (!fs::is_regular_file(o->solution, ec)) throw std::invalid_argument("no such solution file: " + o->solution);
    TextReport text(std::cout, use_colour());
    Audience audience = o->reveal_hidden ? Audience::Grader : Audience::Candidate;
    JudgeOptions options;
    options.stop_on_failure = o->stop_on_failure;
    options.required_layers = o->require;
    if (!o->json) {
      std::cout << fmt::format("{} — {} ({} mode), {}\n", problem.id, problem.title, mode_name(problem.mode), o->solution);
      options.on_test = [&](const TestReport& t) { text.test_finished(redacted(t, audience)); };
    }
    SubmissionReport report = redacted(judge_file(problem, o->solution, make_box_runner, options), audience);
    if (o->json) std::cout << to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else text.finish(report);
    if (report.verdict == Verdict::IE) return int(kInternalError);
    return report.verdict == Verdict::AC ? int(kAccepted) : int(kRejected);
  };
}

Action list_command(CLI::App& app) {
  struct Options {
    std::string topic, problems_dir;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--topic", o->topic, "only problems with this topic");
  app.add_option("--problems", o->problems_dir, "folder of problems");
  app.add_flag("--json", o->json, "JSON array instead of a table");
  return [o] {
    fs::path dir = o->problems_dir.empty() ? default_problems_dir() : fs::path(o->problems_dir);
    std::vector<Problem> shown;
    int errors = 0;
    for (const auto& d : problem_dirs(dir)) {
      try {
        Problem p = load_problem(d);
        if (o->topic.empty() || std::find(p.topics.begin(), p.topics.end(), o->topic) != p.topics.end()) {
          shown.push_back(std::move(p));
        }
      } catch (const SpecError& e) {
        std::cerr << "pyjudge: " << e.what() << "\n";
        ++errors;
      }
    }
    nlohmann::json all = nlohmann::json::array();
    std::size_t id_width = 2, title_width = 5;
    for (const auto& p : shown) {
      all.push_back({{"id", p.id}, {"title", p.title}, {"mode", mode_name(p.mode)}, {"difficulty", p.difficulty}, {"topics", p.topics}});
      id_width = std::max(id_width, p.id.size());
      title_width = std::max(title_width, p.title.size());
    }
    if (!o->json) {
      auto row = [&](std::string_view id, std::string_view title, std::string_view mode, std::string_view level,
                     std::string_view topics) {
        std::cout << fmt::format("{:<{}}  {:<{}}  {:<8}  {:<6}  {}\n", id, id_width, title, title_width, mode, level, topics);
      };
      row("ID", "TITLE", "MODE", "LEVEL", "TOPICS");
      for (const auto& p : shown) row(p.id, p.title, mode_name(p.mode), p.difficulty, fmt::format("{}", fmt::join(p.topics, ", ")));
    }
    if (o->json) std::cout << all.dump(2) << "\n";
    return errors ? int(kUsageError) : int(kAccepted);
  };
}

Action show_command(CLI::App& app) {
  struct Options {
    std::string problem, problems_dir;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problem, "problem id or path")->required();
  app.add_option("--problems", o->problems_dir, "folder of problems");
  return [o] {
    Problem p = find_problem(o->problem, o->problems_dir.empty() ? default_problems_dir() : fs::path(o->problems_dir));
    bool colour = use_colour();
    auto bold = [&](const std::string& s) { return colour ? "\x1b[1m" + s + "\x1b[0m" : s; };
    std::cout << bold(fmt::format("{} — {}", p.id, p.title)) << "\n";
    std::cout << fmt::format("mode: {}   difficulty: {}   topics: {}\n", mode_name(p.mode), p.difficulty, fmt::join(p.topics, ", "));
    std::cout << fmt::format("limits: {} ms CPU, {:.0f} MiB memory, {} ms wall\n", p.limits.time.count(), p.limits.memory.mib(), p.limits.wall.count());
    if (!p.entry.empty()) std::cout << "entry: " << p.entry << "\n";
    std::ifstream statement(p.dir / "statement.md");
    if (statement) std::cout << "\n" << statement.rdbuf() << "\n";
    for (const auto& t : p.tests) {
      if (!t.sample) continue;
      std::cout << "\n" << bold("Sample " + t.name) << "\n" << "  input:\n" << describe_input(p, t) << "\n";
      if (t.expected) std::cout << "  expected: " << repr(*t.expected) << "\n";
      if (t.expected_output) std::cout << "  expected output:\n" << *t.expected_output << "\n";
      if (!t.raises.empty()) std::cout << "  raises: " << t.raises << "\n";
    }
    return int(kAccepted);
  };
}

Action validate_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> problems;
    std::string problems_dir;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problems, "problem ids or paths (default: every problem in the folder)");
  app.add_option("--problems", o->problems_dir, "folder of problems");
  app.add_flag("--json", o->json, "print one JSON object instead of the table");
  return [o] {
    fs::path dir = o->problems_dir.empty() ? default_problems_dir() : fs::path(o->problems_dir);
    std::vector<fs::path> dirs;
    if (o->problems.empty()) dirs = problem_dirs(dir);
    for (const auto& ref : o->problems) {
      fs::path as_path(ref);
      if (fs::is_regular_file(as_path)) as_path = as_path.parent_path();
      if (fs::is_directory(as_path)) dirs.push_back(as_path);
      else if (fs::is_directory(dir / ref)) dirs.push_back(dir / ref);
      else throw std::invalid_argument("no such problem: " + ref + " (looked in " + dir.string() + ")");
    }
    bool colour = use_colour();
    auto paint = [&](bool ok, const std::string& s) {
      return colour ? (ok ? "\x1b[32m" : "\x1b[31;1m") + s + "\x1b[0m" : s;
    };
    ValidateOptions options;
    if (!o->json) {
      std::cout << fmt::format("{:<30} {:<52} {:<4} {:<4} {:>16}  {}\n", "PROBLEM", "SOLUTION", "WANT", "GOT",
                               "SLOWEST / LIMIT", "RESULT");
      options.on_solution = [&](const ProblemValidation& v, const SolutionCheck& s) {
        std::cout << fmt::format("{:<30} {:<52} {:<4} {:<4} {:>16}  ", v.id, s.file.string(), verdict_code(s.expected),
                                 verdict_code(s.got),
                                 fmt::format("{:.0f} / {} ms", s.slowest.count() / 1000.0, v.time_limit.count()))
                  << paint(s.ok, s.ok ? "ok" : s.got == s.expected ? "NO MARGIN" : "MISMATCH") << "\n";
        if (!s.ok && !s.message.empty()) std::cout << "    " << s.message.substr(0, 2000) << "\n";
        std::cout.flush();
      };
    }
    auto start = std::chrono::steady_clock::now();
    nlohmann::json all = nlohmann::json::array();
    int bad_problems = 0, solutions = 0, bad_solutions = 0;
    for (const auto& d : dirs) {
      ProblemValidation v = validate_problem(d, make_box_runner, options);
      bad_problems += !v.ok();
      solutions += static_cast<int>(v.solutions.size());
      for (const auto& s : v.solutions) bad_solutions += !s.ok;
      if (o->json) all.push_back(to_json(v));
      if (!o->json) {
        for (const auto& e : v.errors) std::cout << paint(false, "error") << " " << v.id << ": " << e << "\n";
      }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (o->json) {
      nlohmann::json out = {{"schema", 1}, {"ok", bad_problems == 0}, {"problems", all}, {"seconds", seconds}};
      std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << fmt::format("\n{} problems, {} solutions: ", dirs.size(), solutions)
                << paint(bad_problems == 0, bad_problems == 0 ? "all valid"
                                                              : fmt::format("{} problems invalid, {} solutions mismatched",
                                                                            bad_problems, bad_solutions))
                << fmt::format(" ({:.1f} s)\n", seconds);
    }
    return bad_problems == 0 ? int(kAccepted) : int(kRejected);
  };
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"run", "judge a solution: pyjudge run two-sum solution.py [--json]", run_command},
      {"list", "list the problems with mode, difficulty and topics", list_command},
      {"show", "print a problem's statement and sample tests", show_command},
      {"validate", "check problems: spec, deterministic generators, reference margin, verdict of every solution", validate_command},
      {"batch", "judge a folder of submissions in parallel, resumably: pyjudge batch SUBMISSIONS -j 2", batch_command},
      {"merge", "combine the results files of shards: pyjudge merge results-*.jsonl --out results.jsonl", merge_command},
      {"check", "CI: judge <problem-id>.py solutions, exit 0 only if all are accepted", check_command},
      {"doctor", "which sandbox layers this host offers, and why not", doctor_command},
      {"worker", "", worker_command},
  };
  return table;
}

}  // namespace pyjudge::cli
