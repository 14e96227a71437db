#include "judge/judge.hpp"

#include <fmt/format.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "judge/feedback.hpp"
#include "judge/interactive.hpp"
#include "judge/one_test.hpp"
#include "judge/score.hpp"
#include "judge/solution_folder.hpp"
#include "protocol/files.hpp"
#include "sandbox/contain.hpp"

namespace pyjudge {

Setup setup_for(const Problem& problem, const SourceFile& file) {
  Setup s;
  s.mode = problem.mode;
  s.prelude = problem.prelude;
  s.entry = problem.entry;
  s.filename = file.name;
  s.source = file.text;
  s.limits = problem.limits;
  s.isolation = problem.isolation;
  s.modules = file.modules;
  return s;
}

namespace {

// One submission in its box: started once, then fed tests in batches (the written ones, later
// the generated ones), each batch pipelined one test ahead. The report counts `planned` tests,
// whether or not they all run.
class SubmissionRun {
 public:
  SubmissionRun(const Problem& problem, std::vector<PlannedTest> planned, const SourceFile& file, Runner& runner,
                const JudgeOptions& options, JudgeSink& sink)
      : problem_(problem), planned_(std::move(planned)), file_(file), runner_(runner), options_(options), sink_(sink) {
    rep_.problem = problem.id;
    rep_.solution = file.name;
    rep_.limits = problem.limits;
  }

  /// Starts the box; false when nothing will run (a compile error, a missing layer, a box fault).
  bool start() {
    // An empty file says so, instead of "the solution does not define 'Solution'" on every test.
    if (file_.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      rep_.verdict = Verdict::CE;
      rep_.compile_error = fmt::format("empty submission: {} has no code", file_.name);
      rep_.compile_error_kind = "EmptySubmission";
      return false;
    }
    return guard([&] {
      Setup setup = setup_for(problem_, file_);
      setup.required_layers = options_.required_layers;  // the box refuses to run without them
      auto started = runner_.start(setup);
      if (auto* ce = std::get_if<CompileError>(&started)) {
        rep_.verdict = Verdict::CE;
        rep_.compile_error = format_compile_error(*ce, file_.name, file_.text);
        rep_.compile_error_line = ce->line;
        rep_.compile_error_kind = ce->kind;
        return false;
      }
      const Ready& ready = std::get<Ready>(started);
      rep_.python_version = ready.python_version;
      rep_.sandbox = ready.layers;
      rep_.isolation = ready.isolation;
      // The box has checked them; a box that did not is caught here, before any test is sent.
      if (auto missing = sandbox::missing_required_layer(ready.layers, options_.required_layers)) {
        throw JudgeError(*missing);
      }
      return true;
    });
  }

  /// Judges `tests` in order (the box runs test i + 1 while the judge compares and reports test
  /// i); false once the run must stop (a failure under stop_on_failure, a box fault).
  bool judge(const std::vector<TestCase>& tests) {
    if (problem_.package && problem_.package->interactive) return judge_interactive(tests);
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
        TestReport report = judge_test(problem_, file_, tests[i], std::move(outcome));
        if (rep_.isolation == Isolation::Shared && after_other_tests && report.verdict != Verdict::AC &&
            report.verdict != Verdict::IE) {
          if (i + 1 < tests.size()) ahead = runner_.next_outcome();
          RunTest fresh = tests[i].input;
          fresh.fresh = true;
          report = judge_test(problem_, file_, tests[i], runner_.run(fresh));
          report.rerun = true;
        }
        rep_.tests.push_back(std::move(report));
        sink_.test_finished(rep_.tests.back());
        if (options_.stop_on_failure && rep_.tests.back().verdict != Verdict::AC) return false;
      }
      return true;
    });
  }

  /// Interactive tests, one at a time: each has its own interactor, which starts with it.
  bool judge_interactive(const std::vector<TestCase>& tests) {
    return guard([&] {
      for (const auto& test : tests) {
        InteractionResult interaction;
        TestOutcome outcome = run_interactive_test(problem_, test, runner_, interaction);
        rep_.tests.push_back(judge_test(problem_, file_, test, std::move(outcome), &interaction));
        sink_.test_finished(rep_.tests.back());
        if (options_.stop_on_failure && rep_.tests.back().verdict != Verdict::AC) return false;
      }
      return true;
    });
  }

  void fail(const std::string& internal_error) { rep_.internal_error = internal_error; }

  SubmissionReport finish() {
    conclude(problem_, planned_, rep_);
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
  const SourceFile& file_;
  Runner& runner_;
  const JudgeOptions& options_;
  JudgeSink& sink_;
  SubmissionReport rep_;
};

// The generated tests, prepared on their own thread: read from the cache at once, while the
// candidate's box starts; otherwise prepared (generators in the judge's interpreter, the
// reference in its own box: the machine's other core) once go() says the box is up, while the
// written tests run, so that a compile error never waits for them. Leaving the scope early
// cancels between two tests.
class GeneratedTests {
 public:
  GeneratedTests(const Problem& problem, const RunnerFactory& make_runner, const TestCache* cache) {
    thread_ = std::thread([this, &problem, &make_runner, cache] {
      try {
        if (auto cached = cached_generated_tests(problem, cache, &cancel_)) tests_ = std::move(*cached);
        else if (wait_for_go()) tests_ = generated_tests(problem, make_runner, cache, &cancel_);
      } catch (const JudgeError& e) {
        error_ = e.what();
      } catch (const std::exception& e) {
        error_ = std::string("preparing the generated tests: ") + e.what();
      }
      ready_ = true;
    });
  }
  ~GeneratedTests() {
    {
      std::lock_guard lock(mutex_);
      cancel_ = true;
    }
    gate_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  /// The candidate's box is up: tests not in the cache may be prepared now.
  void go() {
    {
      std::lock_guard lock(mutex_);
      go_ = true;
    }
    gate_.notify_all();
  }
  bool ready() const { return ready_; }
  /// Waits for them; throws JudgeError if preparing them failed.
  std::vector<TestCase> take() {
    thread_.join();
    if (!error_.empty()) throw JudgeError(error_);
    return std::move(tests_);
  }

 private:
  bool wait_for_go() {
    std::unique_lock lock(mutex_);
    gate_.wait(lock, [this] { return go_ || cancel_; });
    return !cancel_;
  }

  std::atomic<bool> cancel_{false}, ready_{false};
  std::mutex mutex_;
  std::condition_variable gate_;
  bool go_ = false;
  std::vector<TestCase> tests_;
  std::string error_;
  std::thread thread_;
};

std::vector<TestCase> samples_of(const std::vector<TestCase>& tests) {
  std::vector<TestCase> out;
  std::copy_if(tests.begin(), tests.end(), std::back_inserter(out), [](auto& t) { return t.sample; });
  return out;
}

// The tests of one judging, in order: the given (or the problem's written) ones, then the
// generated ones (prepared meanwhile), then the user's own.
struct TestPlan {
  std::vector<TestCase> own_copy;  ///< the samples, when only they are judged
  const std::vector<TestCase>* first = nullptr;
  bool generate = false;
  std::vector<TestCase> to_generate;  ///< names and groups only, for the count and the score
  std::vector<PlannedTest> planned;
};

TestPlan plan_tests(const Problem& problem, const JudgeOptions& options) {
  TestPlan p;
  const std::vector<TestCase>& given = options.tests ? *options.tests : problem.tests;
  if (options.samples_only) p.own_copy = samples_of(given);
  p.first = options.samples_only ? &p.own_copy : &given;
  p.generate = !options.tests && !options.samples_only && !problem.generators.empty();
  if (p.generate) p.to_generate = planned_generated_tests(problem);
  p.planned = plan(*p.first);
  for (const auto& t : plan(p.to_generate)) p.planned.push_back(t);
  for (const auto& t : plan(options.custom)) p.planned.push_back(t);
  return p;
}

// The steps of one judging, each stopping it when nothing more may run.
bool run_tests(const Problem& problem, const JudgeOptions& options, const RunnerFactory& make_runner,
               const TestPlan& plan, SubmissionRun& run, JudgeSink& sink) {
  // Cached generated tests are read while the box starts; generating waits for go(), so a
  // compile error never waits for it.
  std::optional<GeneratedTests> ahead;
  if (plan.generate) ahead.emplace(problem, make_runner, options.cache);
  if (!run.start()) return false;
  if (!plan.generate) return run.judge(*plan.first) && run.judge(options.custom);
  GeneratedTests& generated = *ahead;
  generated.go();
  if (!run.judge(*plan.first)) return false;
  if (!generated.ready()) {
    sink.preparing(fmt::format("preparing {} generated tests (generators, then the reference solution)…",
                               plan.to_generate.size()));
  }
  try {
    return run.judge(generated.take()) && run.judge(options.custom);
  } catch (const JudgeError& e) {
    run.fail(e.what());
    return false;
  }
}

}  // namespace

SourceFile read_source_file(const std::filesystem::path& path, const std::string& entry) {
  std::error_code ec;
  if (std::filesystem::is_directory(std::filesystem::symlink_status(path, ec))) return read_solution_folder(path, entry);
  if (!entry.empty()) throw UsageError(fmt::format("--entry needs a solution folder; {} is a file", path.string()));
  FileContents read = read_whole_file(path, kMaxSourceFileRead);
  if (!read.ok()) throw UsageError(fmt::format("solution {}: {}", path.string(), read.error));
  return SourceFile{path.string(), std::move(read.data)};
}

SubmissionReport judge_submission(const Problem& problem, const SourceFile& submission, const JudgeOptions& options,
                                  JudgeSink& sink) {
  const RunnerFactory make_runner = options.make_runner ? options.make_runner : RunnerFactory(make_box_runner);
  TestPlan plan = plan_tests(problem, options);
  sink.start(JudgeStart{&problem, submission.name, static_cast<int>(plan.planned.size())});
  SourceFile file = submission;
  add_package_includes(problem, file);  // a Kattis package's include/python3/, in every submission
  SubmissionReport report;
  {
    auto runner = make_runner();
    SubmissionRun run(problem, plan.planned, file, *runner, options, sink);
    run_tests(problem, options, make_runner, plan, run, sink);
    report = run.finish();
  }  // the box is gone before the end is told
  sink.end(report);
  return report;
}

SubmissionReport judge_submission(const Problem& problem, const SourceFile& submission, const JudgeOptions& options) {
  JudgeSink none;
  return judge_submission(problem, submission, options, none);
}

SubmissionReport judge_file(const Problem& problem, const std::vector<TestCase>& tests,
                            const std::filesystem::path& solution, const RunnerFactory& make_runner,
                            const JudgeOptions& options) {
  JudgeOptions with = options;
  with.tests = &tests;
  with.make_runner = make_runner;
  return judge_submission(problem, read_source_file(solution), with);
}

}  // namespace pyjudge
