#include "judge/errors.hpp"
#include "cli/commands.hpp"

#include "cli/batch_commands.hpp"

#include <unistd.h>

#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include "judge/complexity.hpp"
#include "judge/custom_input.hpp"
#include "judge/feedback.hpp"
#include "judge/kattis_package.hpp"
#include "judge/palette.hpp"
#include "judge/problems.hpp"
#include "judge/redact.hpp"
#include "judge/report.hpp"
#include "judge/validate.hpp"
#include "protocol/files.hpp"

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

namespace {

// Passes each event to every sink in turn.
class Tee final : public JudgeSink {
 public:
  explicit Tee(std::vector<JudgeSink*> sinks) : sinks_(std::move(sinks)) {}
  void start(const JudgeStart& what) override { for (auto* s : sinks_) s->start(what); }
  void preparing(const std::string& what) override { for (auto* s : sinks_) s->preparing(what); }
  void test_finished(const TestReport& t) override { for (auto* s : sinks_) s->test_finished(t); }
  void end(const SubmissionReport& r) override { for (auto* s : sinks_) s->end(r); }

 private:
  std::vector<JudgeSink*> sinks_;
};

int exit_code(const SubmissionReport& report) {
  if (report.verdict == Verdict::IE) return int(kInternalError);
  return report.verdict == Verdict::AC ? int(kAccepted) : int(kRejected);
}

ComplexityReport complexity_report(const Problem& problem, const SourceFile& solution, double budget_s) {
  ComplexityOptions options;
  options.budget = Micros(static_cast<std::int64_t>(budget_s * 1e6));
  try {
    return analyse_complexity(problem, solution, make_box_runner, options);
  } catch (const std::exception& e) {  // the report is a note for the interviewer: never a verdict
    ComplexityReport failed;
    failed.inconclusive = std::string("the analysis failed: ") + e.what();
    return failed;
  }
}

// `run --complexity`: once the verdicts are in, and before the report's end is written, measures
// how the solution scales (judge/complexity). It never changes the verdict.
class ScalingAfterVerdicts final : public JudgeSink {
 public:
  ScalingAfterVerdicts(JudgeSink& next, const Problem& problem, const SourceFile& solution, double budget_s,
                       JsonReport* json)
      : next_(next), problem_(problem), solution_(solution), budget_s_(budget_s), json_(json) {}
  void start(const JudgeStart& what) override { next_.start(what); }
  void preparing(const std::string& what) override { next_.preparing(what); }
  void test_finished(const TestReport& t) override { next_.test_finished(t); }
  void end(const SubmissionReport& r) override {
    bool measured = r.compile_error.empty() && r.verdict != Verdict::IE;
    if (!json_) next_.end(r);  // the text's summary first, then the table as it is ready
    if (measured) {
      ComplexityReport scaling = complexity_report(problem_, solution_, budget_s_);
      if (json_) json_->also("complexity", to_json(scaling));
      else std::cout << "\n" << complexity_text(scaling) << std::flush;
    }
    if (json_) next_.end(r);
  }

 private:
  JudgeSink& next_;
  const Problem& problem_;
  const SourceFile& solution_;
  double budget_s_;
  JsonReport* json_;
};

}  // namespace

int judge_and_report(const Problem& problem, const std::string& solution, const RunSettings& settings,
                     std::vector<TestCase> custom, JudgeSink* also) {
  std::optional<TestCache> cache = settings.cache.open();
  static const std::vector<TestCase> kNoOtherTests;
  JudgeOptions options;
  options.stop_on_failure = settings.stop_on_failure;
  options.samples_only = settings.samples;
  options.required_layers = settings.require;
  options.cache = cache ? &*cache : nullptr;
  if (!custom.empty()) options.tests = &kNoOtherTests;  // `run --args ...` judges that one test
  options.custom = std::move(custom);
  bool terminal = isatty(STDOUT_FILENO);
  TextReport text(std::cout, Palette::for_fd(STDOUT_FILENO), terminal);
  JsonReport json(std::cout);
  std::vector<JudgeSink*> sinks{settings.json ? static_cast<JudgeSink*>(&json) : &text};
  if (also) sinks.push_back(also);
  Tee shown(sinks);
  SourceFile source = read_source_file(solution, settings.entry);
  std::optional<ScalingAfterVerdicts> scaling;
  if (settings.complexity) scaling.emplace(shown, problem, source, settings.complexity_budget_s, settings.json ? &json : nullptr);
  JudgeSink& then = scaling ? static_cast<JudgeSink&>(*scaling) : shown;
  // Hidden tests are redacted for a candidate on the way out, from the audience alone.
  RedactingSink out(settings.reveal_hidden ? Audience::Grader : Audience::Candidate, then);
  return exit_code(judge_submission(problem, source, options, out));
}

namespace {

namespace fs = std::filesystem;

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
  app.add_flag("--complexity", o->settings.complexity,
               "after the verdicts, measure how CPU time and memory grow with the input against the reference");
  app.add_option("--complexity-budget", o->settings.complexity_budget_s, "CPU seconds the --complexity analysis may spend")
      ->check(CLI::Range(0.5, 600.0));
  return [o] {
    BoxRunner::spawn_ahead();  // the box starts CPython while the problem loads
    Problem problem = load_run_problem(o->problem, o->settings);
    std::error_code ec;
    if (!fs::is_regular_file(o->solution, ec) && !fs::is_directory(o->solution, ec)) {
      throw UsageError("no such solution file or folder: " + o->solution);
    }
    settle_time_limit(problem, make_box_runner);  // a problem package without one: problemtools' rule
    if (!o->stdin_from.empty()) o->custom.stdin_data = read_stdin_option(o->stdin_from);
    if (!o->custom.given()) return judge_and_report(problem, o->solution, o->settings);
    // `run --args ...`: that one test, its expected value from the reference in its own box.
    TestCase custom = with_reference_expected(problem, custom_test(problem, o->custom), make_box_runner);
    return judge_and_report(problem, o->solution, o->settings, {std::move(custom)});
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
    Palette palette = Palette::for_fd(STDOUT_FILENO);
    auto bold = [&](const std::string& s) { return palette.bold(s); };
    std::cout << bold(fmt::format("{} — {}", p.id, p.title)) << "\n";
    std::cout << fmt::format("mode: {}   difficulty: {}   topics: {}\n", mode_name(p.mode), p.difficulty, fmt::join(p.topics, ", "));
    std::cout << fmt::format("limits: {} ms CPU, {:.0f} MiB memory, {} ms wall\n", p.limits.time.count(), p.limits.memory.mib(), p.limits.wall.count());
    if (!p.entry.empty()) std::cout << "entry: " << p.entry << "\n";
    if (p.package && !p.package->time_limit_given) std::cout << "(the package gives no time limit: `run` derives it)\n";
    FileContents statement = read_whole_file(p.statement_file, kMaxProblemFile);
    if (statement.ok()) std::cout << "\n" << statement.data << "\n";
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
    Palette palette = Palette::for_fd(STDOUT_FILENO);
    ValidateOptions options;
    options.cache = cache ? &*cache : nullptr;
    if (!o->json) {
      std::cout << validation_table_header();
      options.on_solution = [&](const ProblemValidation& v, const SolutionCheck& s) {
        std::cout << validation_table_row(v, s, palette) << std::flush;
      };
    }
    auto start = std::chrono::steady_clock::now();
    nlohmann::json all = nlohmann::json::array();
    ValidationTotals totals;
    for (const auto& d : dirs) {
      ProblemValidation v = validate_problem(d, make_box_runner, options);
      totals.add(v);
      if (o->json) all.push_back(to_json(v));
      else std::cout << validation_findings(v, palette);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (o->json) {
      nlohmann::json out = {{"schema", 1}, {"ok", totals.ok()}, {"problems", all}, {"seconds", seconds}};
      std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << "\n" << totals.summary(seconds, palette);
    }
    // Every problem is reported first; then a spec that does not load is exit 2, as in every
    // command, and any other finding exit 1.
    if (totals.spec_errors) return int(kUsageError);
    return totals.ok() ? int(kAccepted) : int(kRejected);
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
