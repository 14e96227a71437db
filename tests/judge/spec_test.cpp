#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "judge/spec.hpp"

using namespace pyjudge;
namespace fs = std::filesystem;

namespace {

// A problem folder in a fresh temporary directory, removed afterwards.
struct TempProblem {
  fs::path dir;
  explicit TempProblem(const std::string& yaml, const std::string& id = "p") {
    dir = fs::temp_directory_path() / ("pyjudge-spec-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)) / id;
    fs::create_directories(dir);
    std::ofstream(dir / "problem.yaml") << yaml;
  }
  ~TempProblem() { fs::remove_all(dir.parent_path()); }
  static inline int counter = 0;
};

std::string error_of(const std::string& yaml) {
  TempProblem p(yaml);
  try {
    load_problem(p.dir);
  } catch (const SpecError& e) {
    return fs::path(e.file()).filename().string() + ":" + std::to_string(e.line()) + " " + e.field() + " | " + e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("A complete function spec loads with its defaults") {
  TempProblem p(R"Y(id: p
title: Two Sum
difficulty: easy
topics: [arrays, hashing]
mode: function
entry: Solution.twoSum
limits: {time: 500ms, memory: 32MiB}
tests:
  - name: one
    sample: true
    args: [[2, 7, 11, 15], 9]
    expected: [0, 1]
  - kwargs: {nums: [1, 2]}
    expected: !py "(0, 1)"
)Y");
  Problem prob = load_problem(p.dir);
  CHECK(prob.id == "p");
  CHECK(prob.mode == Mode::Function);
  CHECK(prob.prelude == Prelude::Leetcode);
  CHECK(prob.limits.time == Millis(500));
  CHECK(prob.limits.wall == Millis(1500));
  CHECK(prob.limits.memory == mib(32));
  REQUIRE(prob.tests.size() == 2);
  CHECK(prob.tests[0].sample);
  CHECK(repr(prob.tests[0].input.args) == "[[2, 7, 11, 15], 9]");
  CHECK(prob.tests[1].name == "test-2");
  CHECK(repr(*prob.tests[1].expected) == "(0, 1)");
  CHECK(prob.tests[1].input.kwargs.items.size() == 2);
}

TEST_CASE("YAML scalars map to Python values; quoted ones stay strings") {
  TempProblem p(R"Y(id: p
mode: function
entry: f
tests:
  - args: [1, 1.5, true, null, "1", abc, 123456789012345678901234567890, .inf]
    expected: 0
)Y");
  Problem prob = load_problem(p.dir);
  CHECK(repr(prob.tests[0].input.args) == "[1, 1.5, True, None, '1', 'abc', 123456789012345678901234567890, inf]");
}

TEST_CASE("Malformed specs name the file, the line and the field") {
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [1]\n    expeted: 2\n").find("problem.yaml:6 expeted") == 0);
  CHECK(error_of("id: p\nmode: banana\n").find("problem.yaml:2 mode") == 0);
  CHECK(error_of("id: q\nmode: stdio\ntests: []\n").find("problem.yaml:1 id") == 0);
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [1\n").find("problem.yaml:") == 0);
  CHECK(error_of("id: p\nmode: function\ntests:\n  - args: [1]\n    expected: 1\n").find("entry") != std::string::npos);
  CHECK(error_of("id: p\nmode: design\nentry: C\ntests:\n  - ops: [C, get]\n    args: [[]]\n    expected: [null, 1]\n").find("problem.yaml:5 args") == 0);
  CHECK(error_of("id: p\nmode: script\ntests:\n  - code: 'result = ('\n    expected: 1\n").find("problem.yaml:4 code") == 0);
  CHECK(error_of("id: p\nmode: function\nentry: f\nlimits: {time: fast}\ntests:\n  - {args: [], expected: 1}\n").find("problem.yaml:4 time") == 0);
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - {args: [], expected: !py \"(1,\"}\n").find("problem.yaml:5 expected") == 0);
  CHECK(error_of("id: p\nmode: stdio\ntests:\n  - input: '1'\n").find("output") != std::string::npos);
}

TEST_CASE("A missing spec is an error naming the file") {
  CHECK_THROWS_AS(load_problem("/nonexistent/problem"), SpecError);
}

TEST_CASE("A !ListNode with pos keeps its cycle; a pos out of range is an error") {
  TempProblem p(R"Y(id: p
mode: function
entry: f
tests:
  - args: [!ListNode {values: [3, 2, 0, -4], pos: 1}, !ListNode [1, 2]]
    expected: 1
)Y");
  Problem prob = load_problem(p.dir);
  const Value& args = prob.tests[0].input.args;
  CHECK(args.items[0].cycle_pos == 1);
  CHECK(args.items[0].items.size() == 4);
  CHECK(args.items[1].cycle_pos == -1);
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [!ListNode {values: [1, 2], pos: 9}]\n"
                 "    expected: 1\n").find("problem.yaml:5 pos") == 0);
}

TEST_CASE("Test names are unique, generated ones included") {
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - {name: a, args: [], expected: 1}\n"
                 "  - {name: a, args: [], expected: 2}\n").find("problem.yaml:6 name") == 0);
  TempProblem p("id: p\nmode: function\nentry: f\nreference: ref.py\ngenerate:\n"
                "  - {generator: gen.py, seed: 1, sizes: [10]}\n  - {generator: gen.py, seed: 2, sizes: [10]}\n");
  std::ofstream(p.dir / "gen.py") << "def generate(rng, size):\n    return {'args': [size]}\n";
  std::ofstream(p.dir / "ref.py") << "def f(n):\n    return n\n";
  try {
    load_problem(p.dir);
    FAIL("duplicate generated names were accepted");
  } catch (const SpecError& e) {
    CHECK(e.line() == 7);
    CHECK(e.field() == "generate");
    CHECK(std::string(e.what()).find("gen-10-1") != std::string::npos);
  }
}

TEST_CASE("Scoring groups must be declared and used") {
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - {args: [], expected: 1, group: big}\n")
            .find("problem.yaml:5 group") == 0);
  CHECK(error_of("id: p\nmode: function\nentry: f\ngroups: {big: 10, small: 5}\ntests:\n"
                 "  - {args: [], expected: 1, group: big}\n").find("group 'small' has no tests") != std::string::npos);
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - {args: [], expected: 1, points: -2}\n")
            .find("problem.yaml:5 points") == 0);
}

TEST_CASE("isolation is shared by default, process on request, and nothing else") {
  TempProblem shared("id: p\nmode: function\nentry: f\ntests:\n  - {args: [], expected: 1}\n");
  CHECK(load_problem(shared.dir).isolation == Isolation::Shared);
  TempProblem process("id: p\nmode: function\nentry: f\nisolation: process\ntests:\n  - {args: [], expected: 1}\n");
  CHECK(load_problem(process.dir).isolation == Isolation::Process);
  CHECK(error_of("id: p\nmode: function\nentry: f\nisolation: threads\ntests:\n  - {args: [], expected: 1}\n")
            .find("problem.yaml:4 isolation") == 0);
}
