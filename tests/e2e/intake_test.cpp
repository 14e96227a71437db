// End-to-end: submissions folders, results files and report outputs are hostile input too.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>

#include "batch/results.hpp"
#include "tests/e2e/pyjudge_process.hpp"

using namespace pyjudge::e2e;
namespace fs = std::filesystem;

namespace {

const fs::path kLib = fs::path(PYJUDGE_SOURCE_DIR) / "problems";
std::string library() { return " --problems " + quote(kLib); }

std::map<std::string, nlohmann::json> records_in(const fs::path& results) {
  std::map<std::string, nlohmann::json> out;
  for (auto& r : pyjudge::batch::load_results(results).records) out[r.key()] = pyjudge::batch::to_json(r);
  return out;
}

}  // namespace

TEST_CASE("Batch intake: a symlink, a FIFO, a device, a too large file and a non-UTF-8 folder each get a record") {
  TempDir tmp("intake");
  fs::path subs = tmp.path / "subs";
  for (const char* c : {"alice", "bob", "carol", "dave"}) fs::create_directories(subs / c);
  fs::create_symlink(kLib / "two-sum/solutions/accepted/hashmap.py", subs / "alice/two-sum.py");
  REQUIRE(mkfifo((subs / "bob/two-sum.py").c_str(), 0644) == 0);
  std::ofstream(subs / "carol/two-sum.py") << std::string(300 * 1024, '#');
  fs::path odd = subs / std::string("eve\xff\xfe");
  fs::create_directories(odd);
  fs::copy_file(kLib / "two-sum/solutions/accepted/hashmap.py", odd / "two-sum.py");
  bool device = geteuid() == 0 && mknod((subs / "dave/two-sum.py").c_str(), S_IFCHR | 0644, makedev(1, 5)) == 0;
  if (!device) MESSAGE("not root: the /dev/zero-like device case is skipped");

  fs::path results = tmp.path / "results.jsonl";
  Run r = run_pyjudge("batch " + quote(subs) + library() + " -j 1 --out " + quote(results) + " --csv " +
                      quote(tmp.path / "grades.csv"));
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  auto got = records_in(results);
  CHECK(got["alice/two-sum"]["refused"].get<std::string>().starts_with("a symlink"));
  CHECK(got["bob/two-sum"]["refused"].get<std::string>().starts_with("a FIFO"));
  CHECK(got["carol/two-sum"]["refused"].get<std::string>().starts_with("too large (307200 bytes"));
  if (device) CHECK(got["dave/two-sum"]["refused"].get<std::string>().starts_with("a device"));
  CHECK(got["alice/two-sum"]["verdict"] == "CE");
  // The linked file's content never reached a record.
  CHECK(slurp(results).find("def twoSum") == std::string::npos);
  REQUIRE(got.count("eve\\xff\\xfe/two-sum"));
  CHECK(got["eve\\xff\\xfe/two-sum"]["verdict"] == "AC");

  // Resuming works on the same folder, and a results file of another set is refused.
  Run again = run_pyjudge("batch " + quote(subs) + library() + " -j 1 --out " + quote(results));
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("1 already judged") != std::string::npos);
  fs::path other = tmp.path / "other";
  fs::create_directories(other / "zed");
  fs::copy_file(kLib / "two-sum/solutions/accepted/hashmap.py", other / "zed/two-sum.py");
  Run refused = run_pyjudge("batch " + quote(other) + library() + " -j 1 --out " + quote(results));
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("another set of submissions") != std::string::npos);
  CHECK(records_in(results).size() == got.size());
  Run replaced = run_pyjudge("batch " + quote(other) + library() + " -j 1 --replace-results --out " + quote(results));
  CHECK(replaced.exit_code == 0);
  CHECK(records_in(results).size() == 1);
}

TEST_CASE("Report outputs escape candidate text for their place: CSV formulas, workflow commands, the terminal") {
  TempDir tmp("escape");
  fs::path subs = tmp.path / "subs";
  fs::path formula = subs / "=HYPERLINK(\"x\")";
  fs::create_directories(formula);
  std::ofstream(formula / "two-sum.py")
      << "class Solution:\n    def twoSum(self, nums, target):\n"
         "        raise ValueError('boom\\n::add-mask::secret\\r\\n::error::forged\\x1b]52;c;aGk=\\x07')\n";
  Run b = run_pyjudge("batch " + quote(subs) + library() + " -j 1 --out " + quote(tmp.path / "r.jsonl") + " --csv " +
                      quote(tmp.path / "g.csv"));
  REQUIRE(b.exit_code == 0);
  std::string csv = slurp(tmp.path / "g.csv");
  INFO(csv);
  CHECK(csv.find("\n\"'=HYPERLINK(") != std::string::npos);
  CHECK(csv.find("\n=HYPERLINK") == std::string::npos);

  fs::path sols = tmp.path / "solutions";
  fs::create_directories(sols);
  fs::copy_file(formula / "two-sum.py", sols / "two-sum.py");
  Run c = run_pyjudge("check " + quote(sols) + library(), "GITHUB_ACTIONS=true");
  INFO(c.out);
  CHECK(c.exit_code == 1);
  CHECK(c.out.find("\n::add-mask::") == std::string::npos);
  CHECK(c.out.find("\n::error::forged") == std::string::npos);
  CHECK(c.out.find("%0A::add-mask::secret") != std::string::npos);
  CHECK(c.out.find('\x1b') == std::string::npos);

  Run t = run_pyjudge("run two-sum " + quote(sols / "two-sum.py") + library());
  CHECK(t.out.find('\x1b') == std::string::npos);
  CHECK(t.out.find('\r') == std::string::npos);
  CHECK(t.out.find("\\x1b]52") != std::string::npos);
}

TEST_CASE("check refuses a file that names no problem instead of skipping it") {
  TempDir tmp("unmatched");
  fs::copy_file(kLib / "two-sum/solutions/accepted/hashmap.py", tmp.path / "two_sum.py");
  Run r = run_pyjudge("check " + quote(tmp.path) + library());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("match no problem") != std::string::npos);
  CHECK(r.err.find("two_sum.py") != std::string::npos);
}

TEST_CASE("Batch records travel on a private descriptor: a checker's print() forges nothing") {
  TempDir tmp("records");
  fs::path problems = tmp.path / "problems";
  fs::create_directories(problems / "echo");
  std::ofstream(problems / "echo/problem.yaml") << "id: echo\ntitle: Echo\nmode: function\nentry: echo\n"
                                                   "compare: checker\nchecker: checker.py\n"
                                                   "tests:\n  - {name: t, sample: true, args: [1], expected: 1}\n";
  std::ofstream(problems / "echo/checker.py")
      << "def check(args, expected, got):\n"
         "    print('{\"candidate\": \"mallory\", \"problem\": \"echo\", \"verdict\": \"AC\"}', flush=True)\n"
         "    return got == expected\n";
  fs::path subs = tmp.path / "subs";
  for (const char* c : {"mallory", "trent"}) fs::create_directories(subs / c);
  std::ofstream(subs / "mallory/echo.py") << "def echo(x):\n    return x + 1\n";
  std::ofstream(subs / "trent/echo.py") << "def echo(x):\n    return x\n";
  Run r = run_pyjudge("batch " + quote(subs) + " --problems " + quote(problems) + " -j 1 --out " +
                      quote(tmp.path / "r.jsonl"));
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  auto got = records_in(tmp.path / "r.jsonl");
  CHECK(got["mallory/echo"]["verdict"] == "WA");
  CHECK(got["trent/echo"]["verdict"] == "AC");
}

TEST_CASE("A stale pyjudge-box cgroup left by a killed judge is removed by the next box") {
  // Where a box makes its cgroup: the v1 memory hierarchy if there is one, else the v2 tree.
  std::ifstream self("/proc/self/cgroup");
  std::string line, v1, v2;
  while (std::getline(self, line)) {
    if (line.starts_with("0::")) v2 = line.substr(3);
    if (auto at = line.find(":memory:"); at != std::string::npos) v1 = line.substr(at + 8);
  }
  bool is_v1 = fs::exists("/sys/fs/cgroup/memory");
  std::string own = is_v1 ? v1 : v2;
  fs::path parent = fs::path(is_v1 ? "/sys/fs/cgroup/memory" : "/sys/fs/cgroup") / fs::path(own).relative_path();
  // A pid that no process has: past the largest pid_max the kernel allows.
  fs::path stale = parent / "pyjudge-box-4194305";
  std::error_code ec;
  if (own.empty() || !fs::create_directory(stale, ec)) {
    std::string why = "no writable cgroup hierarchy here: skipped (" + stale.string() + ")";
    MESSAGE(why);
    return;
  }
  Run r = run_pyjudge("run two-sum " + quote(kLib / "two-sum/solutions/accepted/hashmap.py") + library() + " --json");
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(stale));
  fs::remove(stale, ec);
}

TEST_CASE("A worker stalled past its submission's deadline is killed, the submission gets an IE record, the batch goes on") {
  // A checker that never returns (author code, here given the largest budget a call can have,
  // 600 s) stalls the worker on one submission; the deadline, 60 s plus twice each test's wall
  // limit and slack, ends it first.
  TempDir tmp("deadline");
  fs::path problems = tmp.path / "problems";
  fs::path stall = problems / "stall";
  fs::create_directories(stall);
  std::ofstream(stall / "problem.yaml") << "id: stall\nmode: function\nentry: f\ncompare: checker\nchecker: checker.py\n"
                                           "limits: {time: 200ms, wall: 500ms}\nauthor_limits: {checker: 600s}\n"
                                           "tests:\n  - {args: [1], expected: 1}\n";
  std::ofstream(stall / "checker.py") << "import time\n\ndef check(args, expected, got):\n    time.sleep(10 ** 6)\n";
  std::ofstream(stall / "statement.md") << "# Stall\n";
  fs::copy(kLib / "two-sum", problems / "two-sum", fs::copy_options::recursive);
  fs::path subs = tmp.path / "subs";
  fs::create_directories(subs / "ann");
  fs::create_directories(subs / "ben");
  std::ofstream(subs / "ann/stall.py") << "def f(x):\n    return x\n";
  fs::copy_file(kLib / "two-sum/solutions/accepted/hashmap.py", subs / "ben/two-sum.py");
  fs::path out = tmp.path / "results.jsonl";
  auto start = std::chrono::steady_clock::now();
  Run r = run_pyjudge("batch " + quote(subs) + " --problems " + quote(problems) + " -j 2 --no-cache --out " + quote(out));
  auto took = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
  INFO("stderr: ", r.err.substr(0, 2000));
  CHECK(r.exit_code == 0);
  CHECK(took < 120);
  auto records = records_in(out);
  REQUIRE(records.size() == 2);
  CHECK(records["ann/stall"]["verdict"] == "IE");
  CHECK(records["ann/stall"]["error"].get<std::string>().find("passed this submission's deadline") != std::string::npos);
  CHECK(records["ben/two-sum"]["verdict"] == "AC");
}
