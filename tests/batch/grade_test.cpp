// grade(): one submission of a batch into its typed record, through the Runner seam (no box).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "batch/grade.hpp"
#include "judge/sha256.hpp"
#include "tests/e2e/pyjudge_process.hpp"
#include "tests/judge/fake_runner.hpp"

using namespace pyjudge;
using namespace pyjudge::batch;
using pyjudge::testing::FakeRunner;
using pyjudge::testing::returning;
namespace fs = std::filesystem;

namespace {

// A problems folder with one function problem of two tests, and a runner factory that lends
// every box request the test's one FakeRunner.
struct Library {
  e2e::TempDir dir{"grade"};
  FakeRunner runner;
  Library() {
    fs::create_directories(dir.path / "problems" / "double");
    std::ofstream(dir.path / "problems" / "double" / "problem.yaml")
        << "id: double\nmode: function\nentry: f\ntests:\n"
           "  - {name: one, sample: true, args: [1], expected: 2}\n"
           "  - {name: two, args: [2], expected: 4}\n";
  }
  ProblemCache cache() {
    return ProblemCache(dir.path / "problems", [this] {
      return std::unique_ptr<Runner>(std::make_unique<testing::LentRunner>(runner));
    });
  }
  Submission submit(const std::string& candidate, const std::string& problem, const std::string& source) {
    fs::path file = dir.path / "subs" / candidate / (problem + ".py");
    fs::create_directories(file.parent_path());
    std::ofstream(file) << source;
    return {candidate, problem, file};
  }
};

}  // namespace

TEST_CASE("A graded submission's record carries its verdict, every test, and the fingerprints resuming needs") {
  Library lib;
  ProblemCache problems = lib.cache();
  std::string source = "def f(x):\n    return 2 * x if x < 2 else 0\n";
  Submission s = lib.submit("alice", "double", source);
  lib.runner.outcomes = {returning(Value::of_int(2)), returning(Value::of_int(0))};
  Record r = grade(s, problems);
  CHECK(r.candidate == "alice");
  CHECK(r.problem == "double");
  CHECK(r.verdict == Verdict::WA);
  CHECK(r.passed == 1);
  CHECK(r.total == 2);
  REQUIRE(r.tests.size() == 2);
  CHECK(r.tests[1].verdict == Verdict::WA);
  CHECK(r.file_sha256 == sha256_hex(source));
  CHECK(r.problem_version == problem_version(lib.dir.path / "problems" / "double"));
  CHECK(lib.runner.received.size() == 2);  // every test judged: scores need them all
}

TEST_CASE("A submission for no known problem, or one intake refuses, gets a record saying why") {
  Library lib;
  ProblemCache problems = lib.cache();
  Record unknown = grade(lib.submit("bob", "triple", "def f(x): return 3 * x\n"), problems);
  CHECK(unknown.verdict == Verdict::IE);
  CHECK(unknown.error.find("unknown problem 'triple'") != std::string::npos);
  CHECK(unknown.candidate == "bob");

  fs::path fifo = lib.dir.path / "subs" / "carol" / "double.py";
  fs::create_directories(fifo.parent_path());
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  Record refused = grade({"carol", "double", fifo}, problems);  // never blocks on the FIFO
  CHECK(refused.verdict == Verdict::CE);
  CHECK(refused.refused.find("a FIFO") == 0);
  CHECK(lib.runner.received.empty());  // nothing was judged
}
