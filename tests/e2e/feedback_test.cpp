// End-to-end: what the candidate sees and how soon (compile first, samples only, custom input
// against the reference, prints, the true total) and `pyjudge watch`, on the real binary.
// tests/feedback/printing's generator sleeps 1.5 s per test, so "before preparation" shows.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/e2e/pyjudge_process.hpp"

namespace fs = std::filesystem;
using namespace pyjudge::e2e;
using Clock = std::chrono::steady_clock;

namespace {

const fs::path kProblem = fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "feedback" / "printing";
const fs::path kSubs = kProblem / "submissions";

std::string run_args(const std::string& solution, const std::string& flags, const fs::path& cache) {
  return "run " + quote(kProblem) + " " + quote(kSubs / solution) + " --cache " + quote(cache) + " " + flags;
}

nlohmann::json test_named(const nlohmann::json& report, const std::string& name) {
  for (const auto& t : report["tests"]) {
    if (t["name"] == name) return t;
  }
  FAIL("no test named " << name);
  return {};
}

// Prepared test sets in the cache (not the records that a generator compiles).
std::size_t entries(const fs::path& cache) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache, ec)) {
    n += e.path().extension() == ".entry" && e.path().filename().string().starts_with("tests-");
  }
  return n;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

TEST_CASE("A compile error comes back before any generated test is prepared") {
  TempDir cache("feedback-ce");
  auto start = Clock::now();
  Run r = run_pyjudge(run_args("syntax_error.py", "--json", cache.path));
  double took = seconds_since(start);
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "CE");
  CHECK(j["total"] == 4);  // two written, two generated: counted, not prepared
  CHECK(entries(cache.path) == 0);
  CHECK(took < 2.5);  // preparing would take 3 s of generator sleep alone
}

TEST_CASE("Prints of a sample test are shown, escaped; a hidden test's never are") {
  TempDir cache("feedback-stdout");
  Run r = run_pyjudge(run_args("prints.py", "--json", cache.path));
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["total"] == 4);
  CHECK(j["passed"] == 4);
  CHECK(test_named(j, "shown")["stdout"] == "SECRET-1-2\n\\x1b[31mred\\x1b[0m\n");
  CHECK_FALSE(test_named(j, "hidden").contains("stdout"));
  CHECK(r.out.find("SECRET-10") == std::string::npos);
  CHECK(entries(cache.path) == 1);  // the generated tests, stored for the next run

  Run text = run_pyjudge(run_args("prints.py", "", cache.path));
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("stdout:") != std::string::npos);
  CHECK(text.out.find("SECRET-1-2") != std::string::npos);
  CHECK(text.out.find("SECRET-10") == std::string::npos);
  CHECK(text.out.find('\x1b') == std::string::npos);

  Run wa = run_pyjudge(run_args("off_by_one.py", "", cache.path));
  CHECK(wa.exit_code == 1);
  CHECK(wa.out.find("adding 1 2") != std::string::npos);   // the failing sample's prints
  CHECK(wa.out.find("adding 10 20") == std::string::npos);  // the hidden test's
}

TEST_CASE("--samples runs only the sample tests and prepares nothing") {
  TempDir cache("feedback-samples");
  auto start = Clock::now();
  Run r = run_pyjudge(run_args("prints.py", "--samples --json", cache.path));
  CHECK(seconds_since(start) < 2.5);
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["total"] == 1);
  REQUIRE(j["tests"].size() == 1);
  CHECK(j["tests"][0]["name"] == "shown");
  CHECK(entries(cache.path) == 0);
}

TEST_CASE("--stop-on-failure reports the true total") {
  TempDir cache("feedback-stop");
  Run r = run_pyjudge(run_args("off_by_one.py", "--stop-on-failure --json", cache.path));
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["total"] == 4);
  CHECK(j["passed"] == 0);
  CHECK(j["tests"].size() == 1);
}

TEST_CASE("Custom input is judged against the reference solution, shown in full") {
  TempDir cache("feedback-custom");
  Run ok = run_pyjudge(run_args("prints.py", "--args '[20, 22]' --json", cache.path));
  CHECK(ok.exit_code == 0);
  auto j = nlohmann::json::parse(ok.out);
  REQUIRE(j["tests"].size() == 1);
  const auto& t = j["tests"][0];
  CHECK(t["name"] == "custom-1");
  CHECK(t["custom"] == true);
  CHECK(t["verdict"] == "AC");
  CHECK(t["expected"] == "42");
  CHECK(t["got"] == "42");
  CHECK(t["input"] == "add(20, 22)");
  CHECK(t["stdout"].get<std::string>().find("SECRET-20-22") == 0);

  Run wa = run_pyjudge(run_args("off_by_one.py", "--args '[20, 22]'", cache.path));
  CHECK(wa.exit_code == 1);
  CHECK(wa.out.find("custom-1 (custom)") != std::string::npos);
  CHECK(wa.out.find("expected:\n    42") != std::string::npos);
  CHECK(wa.out.find("got:\n    43") != std::string::npos);

  Run raises = run_pyjudge(run_args("prints.py", "--args '[1, \"x\"]' --json", cache.path));
  auto jr = nlohmann::json::parse(raises.out);
  CHECK(jr["tests"][0]["expected"] == "raises TypeError");  // the reference raised it too
  CHECK(jr["tests"][0]["verdict"] == "AC");
}

TEST_CASE("Malformed custom input is a usage error that names the flag") {
  TempDir cache("feedback-malformed");
  Run unclosed = run_pyjudge(run_args("prints.py", "--args '[1, 2'", cache.path));
  CHECK(unclosed.exit_code == 2);
  CHECK(unclosed.err.find("--args: not a Python literal") != std::string::npos);
  CHECK(unclosed.err.find("At:") == std::string::npos);
  Run not_list = run_pyjudge(run_args("prints.py", "--args '{1: 2}'", cache.path));
  CHECK(not_list.exit_code == 2);
  CHECK(not_list.err.find("expected a list") != std::string::npos);
  Run code = run_pyjudge(run_args("prints.py", "--args '[__import__(\"os\").getpid(), 1]'", cache.path));
  CHECK(code.exit_code == 2);  // a literal, never code
  Run wrong_mode = run_pyjudge(run_args("prints.py", "--stdin /dev/null", cache.path));
  CHECK(wrong_mode.exit_code == 2);
  CHECK(wrong_mode.err.find("--stdin: is for stdio problems") != std::string::npos);
}

TEST_CASE("pyjudge watch re-judges on every save, shows a compile error and goes on, exits 0 on Ctrl-C") {
  TempDir dir("feedback-watch");
  fs::path sol = dir.path / "sol.py", out = dir.path / "out.txt";
  fs::copy_file(kSubs / "prints.py", sol);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::string cmd = "exec " + std::string(PYJUDGE_BINARY) + " watch " + quote(kProblem) + " " + quote(sol) +
                      " --samples --no-cache > " + quote(out) + " 2>&1";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), nullptr);
    _exit(127);
  }
  auto count = [&](const std::string& what) {
    std::string s = slurp(out);
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
  };
  auto wait_for = [&](const std::string& what, std::size_t n) {
    for (auto start = Clock::now(); seconds_since(start) < 20;) {
      if (count(what) >= n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  auto save = [&](const std::string& text, bool by_rename) {
    fs::path target = by_rename ? dir.path / ".sol.py.swp" : sol;
    std::ofstream(target, std::ios::trunc) << text;
    if (by_rename) fs::rename(target, sol);
  };
  std::string good = slurp(kSubs / "prints.py");
  CHECK(wait_for("watching", 1));
  CHECK(count("Accepted (AC)") == 1);
  save(good, false);  // written in place
  CHECK(wait_for("watching", 2));
  save(good, true);  // an editor's temporary file renamed over it
  CHECK(wait_for("watching", 3));
  CHECK(count("Accepted (AC)") == 3);
  save("def add(a, b)\n    return a + b\n", false);
  CHECK(wait_for("watching", 4));
  CHECK(count("Compile Error (CE)") == 1);
  save(good, true);  // the loop went on
  CHECK(wait_for("watching", 5));
  CHECK(count("Accepted (AC)") == 4);
  kill(pid, SIGINT);
  int status = 0;
  bool reaped = false;
  for (auto start = Clock::now(); seconds_since(start) < 10 && !reaped;) {
    reaped = waitpid(pid, &status, WNOHANG) == pid;
    if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!reaped) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  CHECK(reaped);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("Custom input in stdio (--stdin) and design (--ops/--op-args) modes") {
  TempDir cache("feedback-custom-modes");
  fs::path problems = fs::path(PYJUDGE_SOURCE_DIR) / "problems";
  fs::path input = cache.path / "in.txt";
  std::ofstream(input) << "2\n(()[]{})\n(]\n";
  auto first_accepted = [&](const std::string& id) {
    for (const auto& f : fs::directory_iterator(problems / id / "solutions" / "accepted")) return f.path();
    return fs::path();
  };
  std::string cache_flag = " --cache " + quote(cache.path);
  Run stdio = run_pyjudge("run " + quote(problems / "valid-parentheses") + " " + quote(first_accepted("valid-parentheses")) +
                          " --stdin " + quote(input) + " --json" + cache_flag);
  CHECK(stdio.exit_code == 0);
  auto j = nlohmann::json::parse(stdio.out);
  CHECK(j["tests"][0]["name"] == "custom-1");
  CHECK(j["tests"][0]["expected"] == "true\nfalse\n");
  Run from_stdin = run_pyjudge("run " + quote(problems / "valid-parentheses") + " " +
                               quote(first_accepted("valid-parentheses")) + " --stdin - < " + quote(input) + cache_flag);
  CHECK(from_stdin.exit_code == 0);
  Run bad_input = run_pyjudge("run " + quote(problems / "valid-parentheses") + " " +
                              quote(first_accepted("valid-parentheses")) + " --stdin /dev/null" + cache_flag);
  CHECK(bad_input.exit_code == 2);
  CHECK(bad_input.err.find("the reference solution fails on this custom input") != std::string::npos);

  std::string trie = "run " + quote(problems / "implement-trie") + " " + quote(first_accepted("implement-trie"));
  Run design = run_pyjudge(trie + " --ops '[\"Trie\", \"insert\", \"search\", \"startsWith\"]' "
                                  "--op-args '[[], [\"apple\"], [\"app\"], [\"app\"]]' --json" + cache_flag);
  CHECK(design.exit_code == 0);
  CHECK(nlohmann::json::parse(design.out)["tests"][0]["expected"] == "[None, None, False, True]");
  Run mismatched = run_pyjudge(trie + " --ops '[\"Trie\", \"insert\"]' --op-args '[[]]'" + cache_flag);
  CHECK(mismatched.exit_code == 2);
  CHECK(mismatched.err.find("2 ops but 1 argument lists") != std::string::npos);
}
