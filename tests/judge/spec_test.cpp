#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "judge/cache.hpp"
#include "judge/judge.hpp"
#include "judge/spec.hpp"
#include "protocol/wire.hpp"

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
  CHECK(repr(prob.tests[0].input.args.decode()) == "[[2, 7, 11, 15], 9]");
  CHECK(prob.tests[1].name == "test-2");
  CHECK(repr(*prob.tests[1].expected) == "(0, 1)");
  CHECK(prob.tests[1].input.kwargs.decode().items.size() == 2);
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
  CHECK(repr(prob.tests[0].input.args.decode()) == "[1, 1.5, True, None, '1', 'abc', 123456789012345678901234567890, inf]");
}

TEST_CASE("Malformed specs name the file, the line and the field") {
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [1]\n    expeted: 2\n").find("problem.yaml:6 expeted") == 0);
  CHECK(error_of("id: p\nmode: banana\n").find("problem.yaml:2 mode") == 0);
  CHECK(error_of("id: q\nmode: stdio\ntests: []\n").find("problem.yaml:1 id") == 0);
  CHECK(error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [1\n").find("problem.yaml:") == 0);
  CHECK(error_of("id: p\nmode: function\ntests:\n  - args: [1]\n    expected: 1\n").find("entry") != std::string::npos);
  CHECK(error_of("id: p\nmode: design\nentry: C\ntests:\n  - ops: [C, get]\n    args: [[]]\n    expected: [null, 1]\n").find("problem.yaml:6 args") == 0);
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
  const Value args = prob.tests[0].input.args.decode();
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

TEST_CASE("Generated tests keep the problem's compare_arg and obey the written tests' input rules") {
  TempProblem f("id: p\nmode: function\nentry: f\ncompare_arg: 0\nreference: ref.py\n"
                "generate:\n  - {generator: gen.py, sizes: [3]}\n");
  std::ofstream(f.dir / "ref.py") << "def f(xs):\n    xs.reverse()\n";
  std::ofstream(f.dir / "gen.py") << "def generate(rng, size):\n    return {'args': [list(range(size))]}\n";
  Problem p = load_problem(f.dir);
  CHECK(p.tests.empty());
  CHECK(p.compare_arg == 0);
  std::vector<TestCase> generated = generated_inputs(p);
  REQUIRE(generated.size() == 1);
  CHECK(generated[0].input.compare_arg == 0);

  TempProblem d("id: d\nmode: design\nentry: C\nreference: ref.py\n"
                "generate:\n  - {generator: gen.py, sizes: [2]}\n", "d");
  std::ofstream(d.dir / "ref.py") << "class C:\n    def get(self):\n        return 1\n";
  std::ofstream(d.dir / "gen.py") << "def generate(rng, size):\n    return {'ops': ['C', 'get'], 'args': [[]]}\n";
  Problem design = load_problem(d.dir);
  std::string error;
  try {
    generated_inputs(design);
  } catch (const JudgeError& e) {
    error = e.what();
  }
  CHECK(error.find("field 'args': 2 ops but 1 argument lists") != std::string::npos);
  CHECK(error.find("gen-2-1") != std::string::npos);
}

TEST_CASE("Author mistakes that used to pass are errors naming the file, the line and the field") {
  const std::string fn = "id: p\nmode: function\nentry: f\ntests:\n";
  // A duplicate key names both lines.
  std::string dup = error_of(fn + "  - args: [1]\n    expected: -7\n    expected: 5\n");
  CHECK(dup.find("problem.yaml:7 expected") == 0);
  CHECK(dup.find("first at line 6") != std::string::npos);
  CHECK(error_of("id: p\ntitle: A\ntitle: B\nmode: function\nentry: f\ntests: [{args: [], expected: 1}]\n")
            .find("problem.yaml:3 title") == 0);
  // Fields of another mode.
  CHECK(error_of("id: p\nmode: stdio\ntests:\n  - args: [1]\n    output: '1'\n").find("problem.yaml:4 args | ") == 0);
  CHECK(error_of("id: p\nmode: stdio\ntests:\n  - args: [1]\n    output: '1'\n").find("not used in stdio mode") !=
        std::string::npos);
  CHECK(error_of("id: p\nmode: stdio\nentry: f\ntests:\n  - {input: '1', output: '1'}\n").find("problem.yaml:3 entry") == 0);
  CHECK(error_of(fn + "  - {args: [1], ops: [a]}\n").find("problem.yaml:5 ops") == 0);
  CHECK(error_of(fn + "  - args: [1]\n    expected: 1\n    raises: ValueError\n").find("problem.yaml:7 raises") == 0);
  CHECK(error_of("id: p\nmode: stdio\ncompare: lines\ncompare_options: {abs_tol: 0.1}\ntests:\n  - {input: '', output: ''}\n")
            .find("problem.yaml:4 abs_tol") == 0);
  CHECK(error_of("id: p\nmode: function\nentry: f\ncompare_options:\n  unordered_depth: 2\ntests: [{args: [], expected: 1}]\n")
            .find("problem.yaml:5 unordered_depth") == 0);
  // Limits beyond any machine, and the old overflow to "too small".
  CHECK(error_of("id: p\nmode: function\nentry: f\nlimits: {memory: 1000000GiB}\ntests: [{args: [], expected: 1}]\n")
            .find("too large: at most 16384MiB") != std::string::npos);
  CHECK(error_of("id: p\nmode: function\nentry: f\nlimits: {memory: 100000000000000000000GiB}\ntests: [{args: [], expected: 1}]\n")
            .find("too large") != std::string::npos);
  // An empty file, a folder where a file belongs, bytes that are not UTF-8.
  CHECK(error_of("").find("problem.yaml:1  | ") == 0);
  CHECK(error_of("").find("the file is empty") != std::string::npos);
  std::string latin1 = error_of("id: p\ntitle: caf\xe9\nmode: function\n");
  CHECK(latin1.find("problem.yaml:2 ") == 0);
  CHECK(latin1.find("not UTF-8") != std::string::npos);
  CHECK(latin1.find("byte 0xe9 at offset 16") != std::string::npos);
  {
    TempProblem p("id: p\nmode: stdio\ntests:\n  - {input_file: data, output: ''}\n");
    fs::create_directories(p.dir / "data");
    std::string e;
    try {
      load_problem(p.dir);
    } catch (const SpecError& err) {
      e = err.what();
    }
    CHECK(e.find("is a directory, not a file") != std::string::npos);
  }
  // !py names the construct, not CPython's internals.
  std::string py = error_of(fn + "  - {args: [], expected: !py \"len([1])\"}\n");
  CHECK(py.find("not a Python literal: a Call (len([1]))") != std::string::npos);
  CHECK(py.find("object at 0x") == std::string::npos);
}

TEST_CASE("YAML 1.2 core schema: 0x1F and 0o17 are integers, 1_000 is a string") {
  TempProblem p("id: p\nmode: function\nentry: f\ntests:\n  - {args: [0x1F, 0o17, 1_000, '0x10'], expected: 1}\n");
  Problem problem = load_problem(p.dir);
  const std::vector<Value> args = problem.tests.at(0).input.args.decode().items;
  REQUIRE(args.size() == 4);
  CHECK(args[0].kind == Value::Kind::Int);
  CHECK(args[0].integer == 31);
  CHECK(args[1].kind == Value::Kind::Int);
  CHECK(args[1].integer == 15);
  CHECK(args[2].kind == Value::Kind::Str);
  CHECK(args[2].text == "1_000");
  CHECK(args[3].kind == Value::Kind::Str);
  CHECK(args[3].text == "0x10");
}

TEST_CASE("A checker or generator that does not compile is a spec error at load, in the author's file and line") {
  TempProblem p("id: p\nmode: function\nentry: f\ncompare: checker\nchecker: checker.py\ntests: [{args: [], expected: 1}]\n");
  std::ofstream(p.dir / "checker.py") << "def check(args, expected, got):\n    return (\n";
  std::string e;
  try {
    load_problem(p.dir);
  } catch (const SpecError& err) {
    e = err.what();
  }
  CHECK(e.find("problem.yaml:5: 'checker': ") != std::string::npos);
  CHECK(e.find("checker.py\", line 2") != std::string::npos);
  CHECK(e.find("<string>") == std::string::npos);
}

TEST_CASE("A JSON-style surrogate pair in a double-quoted string decodes to the one character") {
  // What json.dumps writes for "😀 ok" and for "a𝄞", twice on one line and after other text.
  TempProblem p(R"Y(id: p
mode: function
entry: f
tests:
  - args: ["\ud83d\ude00 ok", "x \uD834\uDD1E y \ud83d\ude00"]
    expected: "caf\u00e9 \U0001F600"
)Y");
  Problem prob = load_problem(p.dir);
  REQUIRE(prob.tests.size() == 1);
  CHECK(prob.tests[0].input.args.decode().items.at(0).text == "\xF0\x9F\x98\x80 ok");
  CHECK(prob.tests[0].input.args.decode().items.at(1).text == "x \xF0\x9D\x84\x9E y \xF0\x9F\x98\x80");
  CHECK(prob.tests[0].expected->text == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("Surrogate escapes outside double quotes stay text, and a lone surrogate names its line") {
  TempProblem single(R"Y(id: p
mode: function
entry: f
tests:
  - args: ['\ud83d\ude00']
    expected: 1
)Y");
  CHECK(load_problem(single.dir).tests[0].input.args.decode().items.at(0).text == "\\ud83d\\ude00");
  std::string lone = error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [1]\n    expected: \"\\ud83d x\"\n");
  CHECK(lone.find("problem.yaml:6") == 0);
  CHECK(lone.find("surrogate") != std::string::npos);
  std::string low_first = error_of("id: p\nmode: function\nentry: f\ntests:\n  - args: [\"\\ude00\\ud83d\"]\n    expected: 1\n");
  CHECK(low_first.find("problem.yaml:5") == 0);
}

TEST_CASE("A big test file is parsed once, then read from the cache, the same test either way") {
  TempProblem p("id: p\nmode: function\nentry: f\ntests:\n  - file: big.yaml\n    sample: true\n  - file: small.yaml\n");
  std::string numbers;
  for (int i = 0; i < 60000; ++i) numbers += std::to_string(i * 7919 % 100003) + ", ";
  std::ofstream(p.dir / "big.yaml") << "args: [[" << numbers << "1], \"caf\\u00e9\"]\nexpected: 42\n";
  std::ofstream(p.dir / "small.yaml") << "args: [[1], 2]\nexpected: 3\n";
  REQUIRE(fs::file_size(p.dir / "big.yaml") > 256 * 1024);
  fs::path dir = p.dir.parent_path() / "cache";
  TestCache cache(dir);
  auto entries = [&] {
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(dir); it != fs::directory_iterator(); ++it) ++n;
    return n;
  };
  Problem plain = load_problem(p.dir);
  Problem first = load_problem(p.dir, &cache);
  CHECK(entries() == 1);  // the big file only
  Problem second = load_problem(p.dir, &cache);
  for (const Problem* q : {&first, &second}) {
    REQUIRE(q->tests.size() == 2);
    CHECK(q->tests[0].name == "big");
    CHECK(q->tests[0].sample);
    CHECK(encode(q->tests[0].input) == encode(plain.tests[0].input));
    CHECK(repr(*q->tests[0].expected) == "42");
    CHECK(q->tests[0].origin.str() == plain.tests[0].origin.str());
  }
  // A corrupt entry is not trusted: parsed again, and stored again.
  fs::path entry = fs::directory_iterator(dir)->path();
  fs::resize_file(entry, fs::file_size(entry) - 1);
  Problem third = load_problem(p.dir, &cache);
  CHECK(encode(third.tests[0].input) == encode(plain.tests[0].input));
  CHECK(cache.load(entry.stem().string()).has_value());
}

TEST_CASE("Native stdio compare options: a written tolerance is set whatever its size, space_change_sensitive") {
  TempProblem p("id: p\nmode: stdio\ncompare_options: {abs_tol: 0, space_change_sensitive: true}\n"
                "tests:\n  - {input: '', output: \"1.0\\n\"}\n");
  Problem prob = load_problem(p.dir);
  CHECK(prob.compare_options.float_abs_tol == 0.0);
  CHECK(prob.compare_options.space_change_sensitive);
  TempProblem plain("id: p\nmode: stdio\ntests:\n  - {input: '', output: \"1.0\\n\"}\n");
  CHECK_FALSE(load_problem(plain.dir).compare_options.float_abs_tol);
  CHECK(error_of("id: p\nmode: stdio\ncompare: lines\ncompare_options: {space_change_sensitive: true}\n"
                 "tests:\n  - {input: '', output: ''}\n")
            .find("space_change_sensitive") != std::string::npos);
}

TEST_CASE("isolation is shared by default, process on request, and nothing else") {
  TempProblem shared("id: p\nmode: function\nentry: f\ntests:\n  - {args: [], expected: 1}\n");
  CHECK(load_problem(shared.dir).isolation == Isolation::Shared);
  TempProblem process("id: p\nmode: function\nentry: f\nisolation: process\ntests:\n  - {args: [], expected: 1}\n");
  CHECK(load_problem(process.dir).isolation == Isolation::Process);
  CHECK(error_of("id: p\nmode: function\nentry: f\nisolation: threads\ntests:\n  - {args: [], expected: 1}\n")
            .find("problem.yaml:4 isolation") == 0);
}

TEST_CASE("A generator that returns an unknown field is named with the field") {
  TempProblem f("id: p\nmode: function\nentry: f\nreference: ref.py\ngenerate:\n  - {generator: gen.py, sizes: [3]}\n");
  std::ofstream(f.dir / "ref.py") << "def f(xs):\n    return xs\n";
  std::ofstream(f.dir / "gen.py") << "def generate(rng, size):\n    return {'argz': [size]}\n";
  std::string error;
  try {
    generated_inputs(load_problem(f.dir));
  } catch (const JudgeError& e) {
    error = e.what();
  }
  CHECK(error.find("generate() returned an unknown field 'argz'") != std::string::npos);
}
