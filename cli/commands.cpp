#include "judge/errors.hpp"
#include "cli/commands.hpp"

#include "cli/batch_commands.hpp"

#include <unistd.h>

#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include "judge/custom_input.hpp"
#include "judge/feedback.hpp"
#include "judge/kattis_package.hpp"
#include "judge/problems.hpp"
#include "judge/redact.hpp"
#include "judge/report.hpp"
#include "judge/validate.hpp"

namespace pyjudge::cli {

std::optional<std::filesystem::path> CacheChoice::folder() const {
  if (off) return std::nullopt;
  return dir.empty() ? TestCache::default_dir() : std::filesystem::path(dir);
}

std::optional<TestCache> CacheChoice::open() const {
  if (auto f = folder()) return TestCache(*f);
  return std::nullopt;
}

void add_cache_options(CLI::App& app, CacheChoice& choice) {
  auto* dir = app.add_option("--cache", choice.dir,
                             "where prepared tests are kept (default $XDG_CACHE_HOME/pyjudge, else ~/.cache/pyjudge)");
  app.add_flag("--no-cache", choice.off, "prepare generated tests afresh, neither reading nor writing the cache")
      ->excludes(dir);
}

void add_run_settings(CLI::App& app, RunSettings& settings) {
  app.add_flag("--samples", settings.samples, "run only the sample tests");
  app.add_flag("--stop-on-failure", settings.stop_on_failure, "stop at the first test that is not AC");
  app.add_flag("--reveal-hidden", settings.reveal_hidden,
               "for problem authors: show hidden tests' input, expected value and output (redacted by default)");
  app.add_option("--isolation", settings.isolation,
                 "shared: one warm child runs all tests (default); process: a fresh child per test")
      ->check(CLI::IsMember({"shared", "process"}));
  app.add_option("--problems", settings.problems_dir, "folder of problems to look ids up in");
  app.add_option("--entry", settings.entry,
                 "a solution folder's entry file (default: main.py, else solution.py, else the only .py file)");
  add_cache_options(app, settings.cache);
  add_require_option(app, settings.require);
}

Problem load_run_problem(const std::string& ref, const RunSettings& settings) {
  std::optional<TestCache> cache = settings.cache.open();
  std::filesystem::path dir = settings.problems_dir.empty() ? default_problems_dir() : std::filesystem::path(settings.problems_dir);
  Problem problem = find_problem(ref, dir, cache ? &*cache : nullptr);
  if (!settings.isolation.empty()) {
    problem.isolation = settings.isolation == "process" ? Isolation::Process : Isolation::Shared;
  }
  return problem;
}

int judge_and_report(const Problem& problem, const std::string& solution, const RunSettings& settings,
                     const std::vector<TestCase>* tests, const std::function<void(const TestReport&)>& on_test) {
  bool colour = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  TextReport text(std::cout, colour);
  std::optional<TestCache> cache = settings.cache.open();
  JudgeOptions options;
  options.stop_on_failure = settings.stop_on_failure;
  options.samples_only = settings.samples;
  options.required_layers = settings.require;
  options.entry = settings.entry;
  options.cache = cache ? &*cache : nullptr;
  // Hidden tests are redacted for a candidate here, from the audience alone (judge/redact).
  Audience audience = settings.reveal_hidden ? Audience::Grader : Audience::Candidate;
  options.on_test = [&](const TestReport& t) {
    TestReport shown = redacted(t, audience);
    if (!settings.json) text.test_finished(shown);
    if (on_test) on_test(shown);
  };
  if (!settings.json) {
    std::cout << fmt::format("{} — {} ({} mode), {}\n", problem.id, problem.title, mode_name(problem.mode), solution);
    std::cout.flush();
    if (isatty(STDOUT_FILENO)) options.on_preparing = [&](const std::string& what) { text.preparing(what); };
  }
  auto make_runner = [] { return std::unique_ptr<Runner>(std::make_unique<BoxRunner>()); };
  SubmissionReport report = redacted(tests ? judge_file(problem, *tests, solution, make_runner, options)
                                           : judge_file(problem, solution, make_runner, options),
                                     audience);
  if (settings.json) std::cout << to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else text.finish(report);
  std::cout.flush();
  if (report.verdict == Verdict::IE) return int(kInternalError);
  return report.verdict == Verdict::AC ? int(kAccepted) : int(kRejected);
}

namespace {

namespace fs = std::filesystem;

bool use_colour() { return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

std::unique_ptr<Runner> make_box_runner() { return std::make_unique<BoxRunner>(); }

Action cache_command(CLI::App& app) {
  struct Options {
    std::string action, dir;
  };
  auto o = std::make_shared<Options>();
  app.add_option("action", o->action, "clear: remove every prepared test set; dir: print the folder")
      ->required()
      ->check(CLI::IsMember({"clear", "dir"}));
  app.add_option("--cache", o->dir, "the cache folder (default $XDG_CACHE_HOME/pyjudge, else ~/.cache/pyjudge)");
  return [o] {
    TestCache cache(o->dir.empty() ? TestCache::default_dir() : fs::path(o->dir));
    if (o->action == "dir") {
      std::cout << cache.dir().string() << "\n";
      return int(kAccepted);
    }
    std::size_t n = cache.clear();
    std::cout << fmt::format("removed {} entries from {}\n", n, cache.dir().string());
    return int(kAccepted);
  };
}

// The user's own input file for --stdin: bounded like a test file, `-` for standard input.
std::string read_stdin_option(const std::string& where) {
  constexpr std::size_t kMax = 64 << 20;
  std::string data;
  std::ifstream file;
  if (where != "-") {
    file.open(where, std::ios::binary);
    if (!file) throw UsageError("--stdin: cannot read " + where);
  }
  std::istream& in = where == "-" ? std::cin : file;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > kMax) throw UsageError("--stdin: more than 64 MiB");
  }
  return data;
}

// `run --args ...`: the custom test, its expected value from the reference solution in its own box.
std::vector<TestCase> custom_tests(const Problem& problem, const CustomInput& input) {
  std::vector<TestCase> tests{custom_test(problem, input)};
  Problem with_reference = problem;
  with_reference.reference = reference_solution(problem);
  if (!with_reference.reference) {
    throw UsageError(problem.id + " has no reference solution (reference: or solutions/accepted/) to compute "
                                "the expected value of custom input");
  }
  auto runner = make_box_runner();
  fill_expected(with_reference, tests, *runner);
  return tests;
}

Action run_command(CLI::App& app) {
  struct Options {
    std::string problem, solution;
    RunSettings settings;
    CustomInput custom;
    std::string stdin_from;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problem, "problem id (from the problems folder) or path to a problem")->required();
  app.add_option("solution", o->solution, "the candidate's Python file, or a solution folder (--entry)")->required();
  app.add_flag("--json", o->settings.json, "print one JSON object (schema in README) instead of text");
  app.add_option("--args", o->custom.args, "custom input (function mode): the arguments as a Python list, e.g. '[[3, 1], 4]'");
  app.add_option("--kwargs", o->custom.kwargs, "custom input (function mode): keyword arguments as a Python dict");
  app.add_option("--ops", o->custom.ops, "custom input (design mode): the operations, e.g. '[\"MinStack\", \"push\"]'");
  app.add_option("--op-args", o->custom.op_args, "custom input (design mode): one argument list per operation");
  app.add_option("--stdin", o->stdin_from, "custom input (stdio mode): a file, or - for standard input");
  app.add_option("--code", o->custom.code, "custom input (script mode): the test code");
  add_run_settings(app, o->settings);
  return [o] {
    Problem problem = load_run_problem(o->problem, o->settings);
    std::error_code ec;
    if (!fs::is_regular_file(o->solution, ec) && !fs::is_directory(o->solution, ec)) {
      throw UsageError("no such solution file or folder: " + o->solution);
    }
    settle_time_limit(problem, make_box_runner);  // a problem package without one: problemtools' rule
    if (!o->stdin_from.empty()) o->custom.stdin_data = read_stdin_option(o->stdin_from);
    if (!o->custom.given()) return judge_and_report(problem, o->solution, o->settings);
    std::vector<TestCase> tests = custom_tests(problem, o->custom);
    return judge_and_report(problem, o->solution, o->settings, &tests);
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
    CacheChoice cache;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problem, "problem id or path")->required();
  app.add_option("--problems", o->problems_dir, "folder of problems");
  add_cache_options(app, o->cache);
  return [o] {
    std::optional<TestCache> cache = o->cache.open();
    Problem p = find_problem(o->problem, o->problems_dir.empty() ? default_problems_dir() : fs::path(o->problems_dir),
                             cache ? &*cache : nullptr);
    bool colour = use_colour();
    auto bold = [&](const std::string& s) { return colour ? "\x1b[1m" + s + "\x1b[0m" : s; };
    std::cout << bold(fmt::format("{} — {}", p.id, p.title)) << "\n";
    std::cout << fmt::format("mode: {}   difficulty: {}   topics: {}\n", mode_name(p.mode), p.difficulty, fmt::join(p.topics, ", "));
    std::cout << fmt::format("limits: {} ms CPU, {:.0f} MiB memory, {} ms wall\n", p.limits.time.count(), p.limits.memory.mib(), p.limits.wall.count());
    if (!p.entry.empty()) std::cout << "entry: " << p.entry << "\n";
    if (p.package && !p.package->time_limit_given) std::cout << "(the package gives no time limit: `run` derives it)\n";
    std::ifstream statement(p.statement_file);
    if (statement) std::cout << "\n" << statement.rdbuf() << "\n";
    for (const auto& t : p.tests) {
      if (!t.sample) continue;
      if (t.interaction) {  // an interactive problem's sample, lines as the package writes them
        std::cout << "\n" << bold("Sample " + t.name) << "\n" << "  interaction (> and < lines as in "
                  << t.name << ".interaction):\n" << *t.interaction << "\n";
        continue;
      }
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
    CacheChoice cache;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problems, "problem ids or paths (default: every problem in the folder)");
  app.add_option("--problems", o->problems_dir, "folder of problems");
  app.add_flag("--json", o->json, "print one JSON object instead of the table");
  add_cache_options(app, o->cache);
  return [o] {
    fs::path dir = o->problems_dir.empty() ? default_problems_dir() : fs::path(o->problems_dir);
    std::optional<TestCache> cache = o->cache.open();
    std::vector<fs::path> dirs;
    if (o->problems.empty()) dirs = problem_dirs(dir);
    for (const auto& ref : o->problems) {
      fs::path as_path(ref);
      if (fs::is_regular_file(as_path)) as_path = as_path.parent_path();
      if (fs::is_directory(as_path)) dirs.push_back(as_path);
      else if (fs::is_directory(dir / ref)) dirs.push_back(dir / ref);
      else throw UsageError("no such problem: " + ref + " (looked in " + dir.string() + ")");
    }
    bool colour = use_colour();
    auto paint = [&](bool ok, const std::string& s) {
      return colour ? (ok ? "\x1b[32m" : "\x1b[31;1m") + s + "\x1b[0m" : s;
    };
    ValidateOptions options;
    options.cache = cache ? &*cache : nullptr;
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
    int bad_problems = 0, spec_errors = 0, solutions = 0, bad_solutions = 0;
    for (const auto& d : dirs) {
      ProblemValidation v = validate_problem(d, make_box_runner, options);
      bad_problems += !v.ok();
      spec_errors += v.spec_error;
      solutions += static_cast<int>(v.solutions.size());
      for (const auto& s : v.solutions) bad_solutions += !s.ok;
      if (o->json) all.push_back(to_json(v));
      if (!o->json) {
        for (const auto& e : v.errors) std::cout << paint(false, "error") << " " << v.id << ": " << e << "\n";
        for (const auto& w : v.warnings) std::cout << "warning " << v.id << ": " << w << "\n";
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
    // Every problem is reported first; then a spec that does not load is exit 2, as in every
    // command, and any other finding exit 1.
    if (spec_errors) return int(kUsageError);
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
      {"watch", "re-judge a solution each time it is saved: pyjudge watch two-sum sol.py [--samples]", watch_command},
      {"cache", "the prepared-test cache: pyjudge cache clear", cache_command},
      {"serve", "the live round: HTTP API, event stream, candidate and interviewer pages", serve_command},
      {"worker", "", worker_command},
  };
  return table;
}

}  // namespace pyjudge::cli
