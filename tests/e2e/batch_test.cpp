// End-to-end: batch, merge and check on submissions made from the library's own solutions, whose
// folders say which verdict each must get.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "batch/results.hpp"
#include "batch/submissions.hpp"
#include "tests/e2e/pyjudge_process.hpp"

namespace fs = std::filesystem;
using namespace pyjudge::e2e;

namespace {

const std::map<std::string, std::string> kFolderVerdict = {
    {"accepted", "AC"}, {"wrong_answer", "WA"}, {"time_limit_exceeded", "TLE"},
    {"memory_limit_exceeded", "MLE"}, {"runtime_error", "RE"}};

struct Made {
  std::map<std::string, std::string> expected;  // "<candidate>/<problem>" -> verdict
};

// SUBMISSIONS/<candidate>/<problem>.py from library solutions: the candidate is named after the
// solution's verdict folder and a counter. `keep(verdict)` picks which solutions to use; copies
// are added round-robin until `count` submissions exist.
Made make_submissions(const fs::path& root, std::size_t count, const std::set<std::string>& verdicts,
                      std::size_t max_slow) {
  std::vector<std::pair<fs::path, std::string>> pool;
  std::size_t slow = 0;
  for (const auto& problem : fs::directory_iterator(fs::path(PYJUDGE_SOURCE_DIR) / "problems")) {
    if (!fs::is_directory(problem.path() / "solutions")) continue;
    for (const auto& folder : fs::directory_iterator(problem.path() / "solutions")) {
      auto v = kFolderVerdict.find(folder.path().filename().string());
      if (v == kFolderVerdict.end() || !verdicts.count(v->second)) continue;
      for (const auto& f : fs::directory_iterator(folder.path())) {
        if (v->second == "TLE" && slow++ >= max_slow) continue;
        pool.push_back({f.path(), v->second});
      }
    }
  }
  std::sort(pool.begin(), pool.end());
  Made made;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& [file, verdict] = pool[i % pool.size()];
    std::string problem = file.parent_path().parent_path().parent_path().filename().string();
    std::string candidate = verdict + "-" + std::to_string(i / pool.size()) + "-" + file.stem().string();
    if (made.expected.count(candidate + "/" + problem)) candidate += "-" + std::to_string(i);
    fs::create_directories(root / candidate);
    fs::copy_file(file, root / candidate / (problem + ".py"));
    made.expected[candidate + "/" + problem] = verdict;
  }
  return made;
}

std::map<std::string, std::string> verdicts_in(const fs::path& results) {
  std::map<std::string, std::string> out;
  for (const auto& r : pyjudge::batch::load_results(results).records) {
    std::string key = r.key();
    CHECK_MESSAGE(!out.count(key), "judged twice: " << key);
    out[key] = pyjudge::verdict_code(r.verdict);
  }
  return out;
}

std::string problems_arg() { return " --problems " + quote(fs::path(PYJUDGE_SOURCE_DIR) / "problems"); }

}  // namespace

TEST_CASE("A 500-submission batch gives every library solution its folder's verdict") {
  TempDir tmp("batch500");
  Made made = make_submissions(tmp.path / "subs", 500, {"AC", "WA", "RE", "MLE", "TLE"}, 6);
  Run r = run_pyjudge("batch " + quote(tmp.path / "subs") + problems_arg() + " -j 2 --out " +
                      quote(tmp.path / "results.jsonl") + " --csv " + quote(tmp.path / "grades.csv") +
                      " --junit " + quote(tmp.path / "junit.xml") + " --html " + quote(tmp.path / "report.html"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto got = verdicts_in(tmp.path / "results.jsonl");
  CHECK(got.size() == 500);
  std::map<std::string, int> want_counts, got_counts;
  for (const auto& [key, v] : made.expected) {
    ++want_counts[v];
    ++got_counts[got[key]];
    CHECK_MESSAGE(got[key] == v, key);
  }
  CHECK(got_counts == want_counts);
  std::string csv = slurp(tmp.path / "grades.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 501);
  std::string junit = slurp(tmp.path / "junit.xml");
  CHECK(junit.find("<testsuites name=\"pyjudge\"") != std::string::npos);
  CHECK(junit.find("<failure type=\"TLE\"") != std::string::npos);
  std::string html = slurp(tmp.path / "report.html");
  CHECK(html.find("/*PYJUDGE_DATA*/") == std::string::npos);
  // Candidates are named by verdict code, not folder (the report's code views may say "accepted").
  auto names = html.find("\"candidates\":[");
  REQUIRE(names != std::string::npos);
  std::string candidates = html.substr(names, html.find(']', names) - names);
  CHECK(candidates.find("AC-") != std::string::npos);
  CHECK(candidates.find("accepted") == std::string::npos);
}

TEST_CASE("A batch killed with SIGKILL resumes without losing or repeating a submission; shards merge to the same") {
  TempDir tmp("batch-kill");
  Made made = make_submissions(tmp.path / "subs", 60, {"AC", "WA", "RE"}, 0);
  std::string subs = quote(tmp.path / "subs") + problems_arg();
  // The uninterrupted run every other run is compared with.
  REQUIRE(run_pyjudge("batch " + subs + " -j 2 --out " + quote(tmp.path / "whole.jsonl")).exit_code == 0);
  auto whole = verdicts_in(tmp.path / "whole.jsonl");
  REQUIRE(whole.size() == 60);
  for (const auto& [key, v] : made.expected) CHECK_MESSAGE(whole[key] == v, key);

  SUBCASE("killed at a random point, then restarted") {
    // The kill point is random, from a seed that is logged and can be replayed:
    // PYJUDGE_TEST_SEED=<seed> ctest -R 'SIGKILL'.
    const char* given = std::getenv("PYJUDGE_TEST_SEED");
    unsigned seed = given ? static_cast<unsigned>(std::strtoul(given, nullptr, 10)) : std::random_device{}();
    MESSAGE("SIGKILL delay seed: ", seed, " (replay with PYJUDGE_TEST_SEED=", seed, ")");
    std::mt19937 rng(seed);
    int delay_ms = std::uniform_int_distribution<int>(300, 2500)(rng);
    fs::path out = tmp.path / "killed.jsonl";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      setpgid(0, 0);
      std::string cmd = std::string(PYJUDGE_BINARY) + " batch " + subs + " -j 2 --out " + quote(out) + " >/dev/null 2>&1";
      execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), nullptr);
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(-pid, SIGKILL);  // the batch, its workers and their boxes: only this test's own group
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    INFO("seed " << seed << ": killed after " << delay_ms << " ms, " << pyjudge::batch::load_results(out).records.size() << " judged");
    Run resumed = run_pyjudge("batch " + subs + " -j 2 --out " + quote(out));
    REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(verdicts_in(out) == whole);
  }

  SUBCASE("three shards run in parallel and merged equal the single run") {
    std::vector<pid_t> shards;
    for (int i = 0; i < 3; ++i) {
      pid_t pid = fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        std::string cmd = std::string(PYJUDGE_BINARY) + " batch " + subs + " -j 1 --shard " + std::to_string(i) +
                          "/3 --out " + quote(tmp.path / ("shard-" + std::to_string(i) + ".jsonl")) + " >/dev/null 2>&1";
        execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), nullptr);
        _exit(127);
      }
      shards.push_back(pid);
    }
    for (pid_t pid : shards) {
      int status = 0;
      waitpid(pid, &status, 0);
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
    }
    auto shard = [&](int i) { return quote(tmp.path / ("shard-" + std::to_string(i) + ".jsonl")); };
    Run merged = run_pyjudge("merge " + shard(0) + " " + shard(1) + " " + shard(2) + " --out " +
                             quote(tmp.path / "merged.jsonl"));
    REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
    CHECK(verdicts_in(tmp.path / "merged.jsonl") == whole);
    Run gap = run_pyjudge("merge " + shard(0) + " " + shard(2) + " --out " + quote(tmp.path / "gap.jsonl"));
    CHECK(gap.exit_code == 1);
    CHECK(gap.err.find("gap: no results from shard 1/3") != std::string::npos);
    // With the submissions given, a gap is named exactly: here every result of shard 1 is missing.
    Run exact = run_pyjudge("merge " + shard(0) + " " + shard(2) + " --out " + quote(tmp.path / "gap.jsonl") +
                            " --submissions " + quote(tmp.path / "subs"));
    CHECK(exact.exit_code == 1);
    CHECK(exact.err.find("gap: no result for ") != std::string::npos);
    Run overlap = run_pyjudge("merge " + shard(0) + " " + shard(1) + " " + shard(2) + " " + shard(1) + " --out " +
                              quote(tmp.path / "overlap.jsonl"));
    CHECK(overlap.exit_code == 1);
    CHECK(overlap.err.find("overlap: ") != std::string::npos);
  }
}

TEST_CASE("check judges <problem-id>.py files for CI: exit code, JUnit, GitHub annotations and summary") {
  TempDir tmp("check");
  fs::path lib = fs::path(PYJUDGE_SOURCE_DIR) / "problems";
  fs::create_directories(tmp.path / "solutions");
  fs::copy_file(lib / "two-sum/solutions/accepted/hashmap.py", tmp.path / "solutions/two-sum.py");
  fs::copy_file(lib / "memoize/solutions/runtime_error/calls_not_initialised.py", tmp.path / "solutions/memoize.py");
  fs::path summary = tmp.path / "summary.md";
  Run r = run_pyjudge("check " + quote(tmp.path / "solutions") + problems_arg() + " --junit " + quote(tmp.path / "junit.xml"),
                      "GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=" + quote(summary));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("1 of 2 solutions accepted") != std::string::npos);
  // The annotation points at the line of the candidate's file the runtime error came from.
  auto at = r.out.find("::error file=" + (tmp.path / "solutions/memoize.py").string() + ",line=");
  CHECK_MESSAGE(at != std::string::npos, r.out);
  CHECK(r.out.find("title=pyjudge%3A RE on memoize::") != std::string::npos);
  CHECK(slurp(summary).find("❌ RE |") != std::string::npos);
  std::string junit = slurp(tmp.path / "junit.xml");
  CHECK(std::count(junit.begin(), junit.end(), '\n') > 5);
  CHECK(junit.find("<testsuite name=\"") != std::string::npos);

  fs::remove(tmp.path / "solutions/memoize.py");
  Run ok = run_pyjudge("check " + quote(tmp.path / "solutions") + problems_arg());
  CHECK(ok.exit_code == 0);
}

TEST_CASE("batch's help shows its defaults and its own exit codes; -j 0 is refused") {
  Run help = run_pyjudge("batch --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("results.jsonl") != std::string::npos);
  CHECK(help.out.find("0 once every submission is judged, whatever the verdicts") != std::string::npos);
  CHECK(help.out.find("1 rejected") == std::string::npos);
  Run zero = run_pyjudge("batch " + quote(fs::path(PYJUDGE_SOURCE_DIR) / "tests") + " -j 0");
  CHECK(zero.exit_code == 2);
  CHECK(zero.err.find("--jobs") != std::string::npos);
}

TEST_CASE("check prints its lines in the solutions' order whatever order workers finish in; an unwritable report is exit 2 before judging") {
  TempDir tmp("check-order");
  fs::path lib = fs::path(PYJUDGE_SOURCE_DIR) / "problems";
  // A slow solution first, quick ones after it: with two workers the quick ones finish first.
  fs::create_directories(tmp.path / "a");
  fs::create_directories(tmp.path / "b");
  fs::copy_file(lib / "two-sum/solutions/time_limit_exceeded/brute_force.py", tmp.path / "a/two-sum.py");
  fs::copy_file(lib / "valid-parentheses/solutions/accepted/stack.py", tmp.path / "b/valid-parentheses.py");
  fs::copy_file(lib / "two-sum/solutions/accepted/hashmap.py", tmp.path / "two-sum.py");
  Run r = run_pyjudge("check " + quote(tmp.path) + " -j 2 --no-cache --problems " + quote(lib));
  CHECK(r.exit_code == 1);
  std::vector<std::string> files;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto at = line.find(tmp.path.string());
    if (at != std::string::npos) files.push_back(line.substr(at, line.find(' ', at) - at));
  }
  REQUIRE(files.size() == 3);
  CHECK(std::is_sorted(files.begin(), files.end()));

  Run unwritable = run_pyjudge("check " + quote(tmp.path / "two-sum.py") + " --junit /nonexistent-dir/j.xml --problems " +
                               quote(lib));
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.err.find("cannot write --junit /nonexistent-dir/j.xml") != std::string::npos);
  CHECK(unwritable.out.empty());
  Run summary = run_pyjudge("check " + quote(tmp.path / "two-sum.py") + " --problems " + quote(lib),
                            "GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=/nonexistent-dir/summary.md");
  CHECK(summary.exit_code == 2);
  CHECK(summary.err.find("$GITHUB_STEP_SUMMARY") != std::string::npos);
}

TEST_CASE("batch grades against the problem set: junk files are listed, not columns; skipped entries on one line") {
  TempDir tmp("problem-set");
  fs::path lib = fs::path(PYJUDGE_SOURCE_DIR) / "problems", subs = tmp.path / "subs";
  for (const char* c : {"alice10", "alice2", "Eve", "frank", ".git"}) fs::create_directories(subs / c);
  fs::copy_file(lib / "two-sum/solutions/accepted/hashmap.py", subs / "alice10/two-sum.py");
  fs::copy_file(lib / "two-sum/solutions/wrong_answer/same_element_twice.py", subs / "alice2/two-sum.py");
  fs::copy_file(lib / "two-sum/solutions/accepted/hashmap.py", subs / "Eve/three-summ.py");
  fs::copy_file(lib / "two-sum/solutions/accepted/hashmap.py", subs / "frank/two sum.py");
  std::ofstream(subs / "notes.txt") << "grading notes\n";
  std::ofstream(subs / "alice2/notes.txt") << "draft\n";
  Run r = run_pyjudge("batch " + quote(subs) + problems_arg() + " --no-cache -j 2 --out " + quote(tmp.path / "r.jsonl") +
                      " --json " + quote(tmp.path / "book.json") + " --csv-wide " + quote(tmp.path / "wide.csv") +
                      " --csv " + quote(tmp.path / "long.csv"));
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("batch: 2 submissions") != std::string::npos);  // the junk is never judged
  // One column, the same denominator for everyone, candidates in a person's order.
  CHECK(r.out.find("CANDIDATE  two-sum    SOLVED  SCORE\n"
                   "alice2     WA ") != std::string::npos);
  auto at2 = r.out.find("\nalice2"), at10 = r.out.find("\nalice10"), eve = r.out.find("\nEve"), frank = r.out.find("\nfrank");
  CHECK((at2 < at10 && at10 < eve && eve < frank && frank != std::string::npos));
  CHECK(r.out.find("\nfrank      -             0/1  0/1\n") != std::string::npos);
  CHECK(r.out.find("files that match no problem (2, not graded): Eve/three-summ.py, frank/two sum.py\n") != std::string::npos);
  CHECK(r.out.find("skipped (3): .git (hidden), alice2/notes.txt (not a .py file), notes.txt (not in a candidate's folder)\n") !=
        std::string::npos);
  auto book = nlohmann::json::parse(slurp(tmp.path / "book.json"));
  CHECK(book["problems"] == nlohmann::json{"two-sum"});
  CHECK(book["unmatched"].size() == 2);
  CHECK(book["skipped"].size() == 3);
  CHECK(book["candidates"].size() == 4);
  CHECK(book["candidates"][1]["cells"]["two-sum"]["file"] == "alice10/two-sum.py");
  CHECK(slurp(tmp.path / "wide.csv") == "candidate,two-sum,total,max_score\nalice2,0,0,1\nalice10,1,1,1\nEve,,0,1\nfrank,,0,1\n");
  std::string long_csv = slurp(tmp.path / "long.csv");
  CHECK(std::count(long_csv.begin(), long_csv.end(), '\n') == 3);  // the header and one row per judged submission
}
