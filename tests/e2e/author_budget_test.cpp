// End-to-end: problem authors' generators and checkers run in pyjudge-author under a budget
// (judge/author_worker.hpp). A runaway generator, a memory-hungry one and a looping checker
// each end as a clear error naming the file, the call and the budget, quickly, never a hang.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/e2e/pyjudge_process.hpp"

namespace fs = std::filesystem;
using namespace pyjudge::e2e;
using Clock = std::chrono::steady_clock;

namespace {

// A one-function problem `add` whose tests come from gen.py (and are checked by checker.py when
// `checker` is given), with tight author limits so that the test takes seconds.
fs::path make_problem(const fs::path& root, const std::string& id, const std::string& gen, const std::string& sizes,
                      const std::string& checker = "") {
  fs::path dir = root / id;
  fs::create_directories(dir / "solutions/accepted");
  std::ofstream(dir / "solutions/accepted/add.py") << "def add(a, b):\n    return a + b\n";
  std::ofstream(dir / "statement.md") << "# Add\n\nAdd two numbers.\n";
  std::ofstream(dir / "gen.py") << gen;
  std::ofstream spec(dir / "problem.yaml");
  spec << "id: " << id << "\ntitle: Add\nmode: function\nentry: add\nprelude: none\n"
       << "limits: {time: 1s, memory: 64MiB, wall: 2s}\n"
       << "author_limits: {generator: 1s, checker: 1s, memory: 256MiB}\n"
       << "tests:\n  - {name: small, sample: true, args: [1, 2], expected: 3}\n"
       << "generate:\n  - {generator: gen.py, seed: 1, count: 1, sizes: " << sizes << "}\n"
       << "reference: solutions/accepted/add.py\n";
  if (!checker.empty()) {
    std::ofstream(dir / "checker.py") << checker;
    spec << "compare: checker\nchecker: checker.py\n";
  }
  return dir;
}

const char* kGen = "def generate(rng, size):\n    return {'args': [rng.randrange(size), size]}\n";

}  // namespace

TEST_CASE("A generator past its time budget is an error naming it, the size and the budget, not a hang") {
  TempDir tmp("author-time");
  make_problem(tmp.path, "runaway",
               "def generate(rng, size):\n    n = 0\n    while n < size:\n        n += 1\n    return {'args': [n, 1]}\n",
               "[10, 100000000000]");
  auto start = Clock::now();
  Run r = run_pyjudge("validate runaway --no-cache --problems " + quote(tmp.path));
  INFO(r.out, r.err);
  CHECK(Clock::now() - start < std::chrono::seconds(30));
  CHECK(r.exit_code == 1);  // validate's finding: the problem is invalid
  std::string all = r.out + r.err;
  CHECK(all.find("gen.py: generate(rng, size=100000000000): stopped after 1 s") != std::string::npos);
  CHECK(all.find("budget (1 s a call)") != std::string::npos);
}

TEST_CASE("A generator past its memory budget is an error naming the budget, and the judge stays small") {
  TempDir tmp("author-memory");
  make_problem(tmp.path, "hungry",
               "def generate(rng, size):\n    block = bytearray(size)\n    return {'args': [len(block), 1]}\n",
               "[10, 4000000000]");
  Run r = run_pyjudge("validate hungry --no-cache --problems " + quote(tmp.path));
  INFO(r.out, r.err);
  CHECK(r.exit_code == 1);
  std::string all = r.out + r.err;
  CHECK(all.find("gen.py: generate(rng, size=4000000000): MemoryError (the memory budget is 256 MiB)") !=
        std::string::npos);
}

TEST_CASE("A looping checker is the judge's error (IE) naming the checker and its budget; the next call works") {
  TempDir tmp("author-checker");
  fs::path dir = make_problem(tmp.path, "looping", kGen, "[5]",
                              "def check(args, expected, got):\n    if args[1] == 2:\n        while True:\n            pass\n"
                              "    return got == expected, 'compared'\n");
  fs::path solution = dir / "solutions/accepted/add.py";
  auto start = Clock::now();
  Run r = run_pyjudge("run " + quote(dir) + " " + quote(solution) + " --json --no-cache");
  INFO(r.out, r.err);
  CHECK(Clock::now() - start < std::chrono::seconds(30));
  REQUIRE(r.exit_code == 3);  // IE
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "IE");
  CHECK(j["tests"][1]["verdict"] == "AC");  // a fresh worker checks the generated test
  std::string looped = j["tests"][0]["message"];
  CHECK(looped.find("checker.py: check(args, expected, got)") != std::string::npos);
  CHECK(looped.find("budget (1 s a call)") != std::string::npos);
}

TEST_CASE("author_limits are checked like limits: unknown fields and absurd values are spec errors") {
  TempDir tmp("author-spec");
  fs::path dir = make_problem(tmp.path, "typo", kGen, "[5]");
  std::string spec = slurp(dir / "problem.yaml");
  auto at = spec.find("memory: 256MiB");
  std::ofstream(dir / "problem.yaml") << spec.substr(0, at) << "memroy: 256MiB}" << spec.substr(spec.find('}', at) + 1);
  Run r = run_pyjudge("validate typo --no-cache --problems " + quote(tmp.path));
  CHECK(r.exit_code == 2);
  CHECK((r.out + r.err).find("memroy") != std::string::npos);
}
