#include <doctest/doctest.h>

#include "tests/judge/fake_runner.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "judge/kattis_package.hpp"
#include "judge/redact.hpp"
#include "judge/output_validator.hpp"
#include "judge/validate.hpp"

using namespace pyjudge;
using pyjudge::testing::judge_with;
namespace fs = std::filesystem;

namespace {

// A package folder in a fresh temporary directory, removed afterwards.
struct TempPackage {
  fs::path dir;
  explicit TempPackage(const std::string& yaml) {
    dir = fs::temp_directory_path() / ("pyjudge-kattis-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)) / "pkg";
    fs::create_directories(dir / "data");
    write("problem.yaml", yaml);
  }
  ~TempPackage() { fs::remove_all(dir.parent_path()); }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel, std::ios::binary) << text;
  }
  void test(const std::string& rel, const std::string& in, const std::string& ans) const {
    write("data/" + rel + ".in", in);
    write("data/" + rel + ".ans", ans);
  }
  static inline int counter = 0;
};

std::vector<std::string> names(const Problem& p) {
  std::vector<std::string> out;
  for (const auto& t : p.tests) out.push_back(t.name);
  return out;
}

// validate_problem without boxes: these packages have no submissions to run.
std::unique_ptr<Runner> no_runner() { throw JudgeError("no box in this test"); }

bool mentions(const std::vector<std::string>& lines, const std::string& what) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

}  // namespace

TEST_CASE("A package's tests come in problemtools' order: sample, then secret, folders where they sort") {
  TempPackage p("name: Order\n");
  p.test("secret/b/2", "b2\n", "x\n");
  p.test("secret/a", "a\n", "x\n");
  p.test("secret/b/1", "b1\n", "x\n");
  p.test("secret/c", "c\n", "x\n");
  p.test("sample/1", "s\n", "x\n");
  p.write("data/secret/orphan.in", "no answer: not a test\n");
  p.write(".timelimit", "2.5\n");
  Problem prob = load_problem(p.dir);
  CHECK(names(prob) == std::vector<std::string>{"sample/1", "secret/a", "secret/b/1", "secret/b/2", "secret/c"});
  CHECK(prob.tests[0].sample);
  CHECK_FALSE(prob.tests[1].sample);
  CHECK(prob.mode == Mode::Stdio);
  CHECK(prob.title == "Order");
  CHECK(prob.package->format == "legacy");
  CHECK(prob.limits.time == Millis(2500));
  CHECK(prob.limits.memory.mib() == 1024);
  CHECK(prob.limits.output.mib() == 8);
  CHECK(prob.tests[1].input.stdin_data == "a\n");
  CHECK(*prob.tests[1].expected_output == "x\n");
}

TEST_CASE("Validator flags are inherited down the groups and a group's testdata.yaml overrides them") {
  TempPackage p("problem_format_version: 2023-07-draft\nname: {sv: Flaggor, en: Flags}\nlimits: {time_limit: 1, memory: 300}\n");
  p.write("data/testdata.yaml", "output_validator_args: float_tolerance 0.1\n");
  p.write("data/secret/strict/testdata.yaml", "output_validator_args: [case_sensitive]\non_reject: continue\n");
  p.test("sample/1", "", "1\n");
  p.test("secret/loose", "", "1\n");
  p.test("secret/strict/1", "", "A\n");
  Problem prob = load_problem(p.dir);
  CHECK(prob.title == "Flags");
  CHECK(prob.limits.memory.mib() == 300);
  CHECK(prob.package->format == "2023-07");
  REQUIRE(prob.tests.size() == 3);
  CHECK(prob.tests[0].compare_options->float_abs_tol == 0.1);
  CHECK_FALSE(prob.tests[0].compare_options->case_sensitive);
  CHECK(prob.tests[1].compare_options->float_rel_tol == 0.1);
  CHECK(prob.tests[2].compare_options->case_sensitive);
  CHECK_FALSE(prob.tests[2].compare_options->float_abs_tol);
}

TEST_CASE("Package limits: time multipliers of both formats, no limit at all, and limits too large") {
  TempPackage legacy("limits: {time_multiplier: 3, time_safety_margin: 4}\n");
  legacy.test("secret/1", "", "1\n");
  Problem l = load_problem(legacy.dir);
  CHECK(l.package->time_multiplier == 3);
  CHECK(l.package->time_safety_margin == 4);
  CHECK_FALSE(l.package->time_limit_given);
  TempPackage modern("problem_format_version: 2023-07\nlimits: {time_limit: 0.25, time_multipliers: {ac_to_time_limit: 1.5, time_limit_to_tle: 1.2}}\n");
  modern.test("secret/1", "", "1\n");
  Problem m = load_problem(modern.dir);
  CHECK(m.limits.time == Millis(250));
  CHECK(m.package->time_multiplier == 1.5);
  CHECK(m.package->time_safety_margin == 1.2);
  CHECK(m.limits.memory.mib() == 2048);
  TempPackage huge("limits: {memory: 100000}\n");
  huge.test("secret/1", "", "1\n");
  CHECK_THROWS_WITH_AS(load_problem(huge.dir), doctest::Contains("memory"), SpecError);
}

TEST_CASE("Package mistakes are spec errors naming the file and field") {
  TempPackage typo("validator_flags: float_tolerence 1e-6\n");
  typo.test("secret/1", "", "1\n");
  CHECK_THROWS_WITH_AS(load_problem(typo.dir), doctest::Contains("float_tolerence"), SpecError);
  TempPackage interactive("validation: custom interactive\n");
  interactive.test("secret/1", "", "1\n");
  CHECK_THROWS_WITH_AS(load_problem(interactive.dir), doctest::Contains("interactive"), SpecError);
  TempPackage empty("name: nothing\n");
  fs::create_directories(empty.dir / "data" / "secret");
  CHECK_THROWS_WITH_AS(load_problem(empty.dir), doctest::Contains("no tests"), SpecError);
  TempPackage custom_without("validation: custom\n");
  custom_without.test("secret/1", "", "1\n");
  CHECK_THROWS_WITH_AS(load_problem(custom_without.dir), doctest::Contains("output_validators"), SpecError);
  TempPackage bad_reject("name: x\n");
  bad_reject.test("secret/1", "", "1\n");
  bad_reject.write("data/secret/testdata.yaml", "on_reject: stop\n");
  CHECK_THROWS_WITH_AS(load_problem(bad_reject.dir), doctest::Contains("on_reject"), SpecError);
}

TEST_CASE("An interactive package loads with its interactor and its samples' .interaction files") {
  TempPackage legacy("validation: custom interactive\n");
  legacy.test("sample/1", "5\n", "5\n");
  legacy.write("data/sample/1.interaction", "<3\n>higher\n");
  legacy.test("secret/1", "7\n", "7\n");
  legacy.write("output_validators/guess/interactor.py", "import sys\nsys.exit(42)\n");
  Problem p = load_problem(legacy.dir);
  CHECK(p.package->interactive);
  REQUIRE(p.output_validator.has_value());
  REQUIRE(p.tests.size() == 2);
  CHECK(p.tests[0].interaction == std::optional<std::string>("<3\n>higher\n"));
  CHECK_FALSE(p.tests[1].interaction.has_value());
  TempPackage modern("problem_format_version: 2023-07\ntype: interactive\n");
  modern.test("secret/1", "7\n", "7\n");
  CHECK_THROWS_WITH_AS(load_problem(modern.dir), doctest::Contains("interactor in output_validators"), SpecError);
  TempPackage multi("problem_format_version: 2023-07\ntype: multi-pass\n");
  multi.test("secret/1", "7\n", "7\n");
  CHECK_THROWS_WITH_AS(load_problem(multi.dir), doctest::Contains("multi-pass"), SpecError);
}

TEST_CASE("The statement: Markdown first, then LaTeX, in statement/ or problem_statement/") {
  TempPackage p("name: s\n");
  p.test("secret/1", "", "1\n");
  p.write("problem_statement/problem.en.tex", "\\problemname{S}");
  CHECK(load_problem(p.dir).statement_file.filename() == "problem.en.tex");
  p.write("statement/problem.en.md", "# S");
  CHECK(load_problem(p.dir).statement_file == p.dir / "statement" / "problem.en.md");
}

TEST_CASE("An output validator's verdict, messages, crash, hang and memory limit") {
  TempPackage p("validation: custom\n");
  p.test("secret/1", "5\n", "5\n");
  p.write("output_validators/v/v.py",
          "import sys, time\n"
          "team = sys.stdin.read().strip()\n"
          "fb = sys.argv[3]\n"
          "open(fb + 'teammessage.txt', 'w').write('team sees ' + team)\n"
          "open(fb + 'judgemessage.txt', 'w').write('args ' + ' '.join(sys.argv[4:]))\n"
          "if team == 'crash': raise SystemExit(1)\n"
          "if team == 'hang': time.sleep(60)\n"
          "if team == 'spin':\n    while True: pass\n"
          "if team == 'hog': x = bytearray(1 << 30)\n"
          "sys.exit(42 if team == open(sys.argv[2]).read().strip() else 43)\n");
  Problem prob = load_problem(p.dir);
  REQUIRE(prob.output_validator);
  const TestCase& t = prob.tests.front();
  auto run = [&](const std::string& out, ValidatorLimits limits = {}) {
    return run_output_validator(*prob.output_validator, *t.input_file, *t.answer_file, out, {"x", "y"}, limits);
  };
  ValidatorResult ok = run("5\n");
  CHECK(ok.outcome == ValidatorResult::Outcome::Accepted);
  CHECK(ok.team_message == "team sees 5");
  CHECK(ok.judge_message == "args x y");
  CHECK(run("6\n").outcome == ValidatorResult::Outcome::Rejected);
  ValidatorResult crash = run("crash");
  CHECK(crash.outcome == ValidatorResult::Outcome::Failed);
  CHECK(crash.failure.find("v.py") == std::string::npos);  // named by its folder
  CHECK(crash.failure.find("output_validators/v") != std::string::npos);
  CHECK(crash.failure.find("status 1") != std::string::npos);
  ValidatorLimits tight{std::chrono::milliseconds(1000), std::chrono::milliseconds(1500), mib(256), mib(1)};
  auto start = std::chrono::steady_clock::now();
  ValidatorResult hang = run("hang", tight);
  CHECK(hang.outcome == ValidatorResult::Outcome::Failed);
  CHECK(hang.failure.find("did not finish") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  ValidatorLimits cpu_bound{std::chrono::milliseconds(1000), std::chrono::milliseconds(20'000), mib(256), mib(1)};
  ValidatorResult spin = run("spin", cpu_bound);  // the CPU limit, long before the wall clock
  CHECK(spin.outcome == ValidatorResult::Outcome::Failed);
  CHECK(spin.failure.find("signal") != std::string::npos);
  ValidatorResult hog = run("hog", tight);  // MemoryError: a traceback and exit status 1
  CHECK(hog.outcome == ValidatorResult::Outcome::Failed);
}

TEST_CASE("A C++ validator is compiled once and then taken from the cache by content hash") {
  TempPackage p("problem_format_version: 2023-07\nlimits: {time_limit: 1}\n");
  p.test("secret/1", "", "1\n");
  p.write("output_validator/check.cpp", "int main() { return 42; }\n");
  fs::path cache = p.dir.parent_path() / "cache";
  OutputValidator first = prepare_validator(p.dir / "output_validator", cache);
  REQUIRE(first.command.size() == 1);
  auto built = fs::last_write_time(first.command[0]);
  OutputValidator again = prepare_validator(p.dir / "output_validator", cache);
  CHECK(again.command == first.command);
  CHECK(fs::last_write_time(again.command[0]) == built);
  p.write("output_validator/check.cpp", "int main() { return 43; }\n");
  CHECK(prepare_validator(p.dir / "output_validator", cache).command != first.command);
  p.write("output_validator/check.cpp", "int main() { return 42 }\n");
  CHECK_THROWS_WITH_AS(prepare_validator(p.dir / "output_validator", cache), doctest::Contains("does not compile"),
                       std::runtime_error);
}

TEST_CASE("validate reports a package's answers, input validators and data hygiene by file name") {
  TempPackage p("name: h\nvalidator_flags: float_tolerance 0.1\n");
  p.write(".timelimit", "1\n");
  p.write("statement/problem.md", "# H");
  p.test("sample/1", "1\n", "1\n");
  p.test("secret/crlf", "2\r\n", "2\r\n");
  p.test("secret/dup", "1\n", "1\n");
  p.test("secret/no-newline", "3", "3\n");
  p.test("secret/empty", "4\n", "");
  p.write("input_validators/accepts_anything.py", "import sys\nsys.stdin.read()\nsys.exit(42)\n");
  p.write("input_validators/digits.py",
          "import re, sys\nsys.exit(42 if re.fullmatch(r'[0-9]+\\n', sys.stdin.read()) else 43)\n");
  ProblemValidation v = validate_problem(p.dir, no_runner, {});
  CAPTURE(v.errors);
  CAPTURE(v.warnings);
  CHECK(mentions(v.warnings, "data/secret/crlf.in: Windows line endings"));
  CHECK(mentions(v.warnings, "data/secret/dup.in: same input as data/sample/1.in"));
  CHECK(mentions(v.warnings, "data/secret/no-newline.in: no newline at the end"));
  CHECK(mentions(v.warnings, "data/secret/empty.ans: empty file"));
  CHECK(mentions(v.errors, "data/secret/crlf.in: rejected by the input validator input_validators/digits.py"));
  CHECK(mentions(v.errors, "input validator input_validators/accepts_anything.py accepts an empty input"));
  CHECK_FALSE(mentions(v.errors, "input_validators/digits.py accepts"));
  CHECK(mentions(v.errors, "no accepted submission"));
  CHECK_FALSE(v.ok());
}

TEST_CASE("Labelled submissions: Kattis folder names, and run_time_error takes an MLE") {
  TempPackage p("name: l\n");
  p.test("secret/1", "", "1\n");
  for (const char* f : {"accepted/a.py", "wrong_answer/w.py", "time_limit_exceeded/t.py", "run_time_error/r.py",
                        "accepted/notes.txt", "compile_error/c.py"}) {
    p.write(std::string("submissions/") + f, "print(1)\n");
  }
  auto subs = labelled_submissions(load_problem(p.dir));
  REQUIRE(subs.size() == 4);
  CHECK(subs[0].label == "accepted");
  CHECK(subs[3].label == "run_time_error");
  CHECK(subs[3].allowed == std::vector<Verdict>{Verdict::RE, Verdict::MLE});
}

namespace {

// Canned box outcomes: each test "prints" the next string and exits normally.
class PrintingRunner final : public Runner {
 public:
  explicit PrintingRunner(std::vector<std::string> outputs) : outputs_(std::move(outputs)) {}
  std::variant<Ready, CompileError> start(const Setup&) override { return Ready{"3.11 (fake)", {{"seccomp", LayerState::Active, ""}}}; }
  void submit(const RunTest&) override {}
  TestOutcome next_outcome() override {
    TestOutcome o;
    o.user = Micros(1000);
    o.wall = Micros(2000);
    o.baseline = mib(20);
    o.max_rss = mib(21);
    o.report = encode(ChildReport{Returned{Value::none()}});
    o.stdout_data = outputs_.at(next_++);
    return o;
  }

 private:
  std::vector<std::string> outputs_;
  std::size_t next_ = 0;
};

}  // namespace

TEST_CASE("Judging with a package's validator: team message on samples only, a crash is IE naming it") {
  TempPackage p("validation: custom\n");
  p.test("sample/1", "1\n", "1\n");
  p.test("secret/1", "2\n", "2\n");
  p.test("secret/2", "3\n", "3\n");
  p.write("output_validators/checker.py",
          "import sys\nteam = sys.stdin.read().strip()\n"
          "open(sys.argv[3] + 'teammessage.txt', 'w').write('you printed ' + team)\n"
          "open(sys.argv[3] + 'judgemessage.txt', 'w').write('secret answer ' + open(sys.argv[2]).read().strip())\n"
          "if team == 'boom': raise SystemExit(7)\n"
          "sys.exit(42 if team == open(sys.argv[2]).read().strip() else 43)\n");
  Problem prob = load_problem(p.dir);
  PrintingRunner runner({"9\n", "8\n", "boom\n"});
  SubmissionReport r = judge_with(runner, prob, prob.tests, "sol.py", "print(1)\n");
  REQUIRE(r.tests.size() == 3);
  CHECK(r.tests[0].verdict == Verdict::WA);
  CHECK(r.tests[0].message == "you printed 9");
  CHECK(r.tests[1].verdict == Verdict::WA);
  // The team message could quote data: a candidate sees the closed vocabulary (judge/redact).
  CHECK(redacted(r.tests[1], Audience::Candidate).message == "wrong answer on a hidden test");
  CHECK(redacted(r.tests[1], Audience::Candidate).author_message.empty());
  CHECK(r.tests[1].author_message == "secret answer 2");
  CHECK(r.tests[2].verdict == Verdict::IE);
  CHECK(r.tests[2].message.find("output validator output_validators exited") != std::string::npos);
  CHECK(r.tests[2].message.find("status 7") != std::string::npos);
  CHECK(r.verdict == Verdict::IE);
}

TEST_CASE("A native problem with a data/ folder stays native: packages have no mode:") {
  TempPackage native("id: pkg\nmode: stdio\ntests:\n  - {input: '', output: \"1\\n\"}\n");
  native.test("secret/1", "", "2\n");
  CHECK_FALSE(is_kattis_package(native.dir));
  Problem p = load_problem(native.dir);
  CHECK_FALSE(p.package);
  CHECK(p.tests.size() == 1);
  TempPackage package("name: pkg\n");
  package.test("secret/1", "", "2\n");
  CHECK(is_kattis_package(package.dir));
}
