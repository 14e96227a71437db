// Generated tests: the generator runs here, in the judge (trusted, seeded); the expected values
// come from the reference solution, run in a box like any other solution.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "judge/judge.hpp"
#include "judge/python_host.hpp"

namespace pyjudge {

namespace {

const Value* field(const Value& dict, const char* name) {
  for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    if (dict.items[i].kind == Value::Kind::Str && dict.items[i].text == name) return &dict.items[i + 1];
  }
  return nullptr;
}

TestCase test_from(const Problem& p, const GeneratorSpec& g, const Value& fields, std::int64_t size, int index) {
  TestCase t;
  t.name = generated_test_name(g, size, index);
  t.origin = g.origin;
  t.group = g.group;
  t.input.compare_arg = p.compare_arg;
  auto require = [&](const Value* v, Value::Kind kind, const char* name) {
    if (v && v->kind != kind) {
      throw JudgeError(fmt::format("{}: generate() field '{}' must be a {}", g.origin.str(), name, type_name(kind)));
    }
    return v;
  };
  if (auto* v = require(field(fields, "args"), Value::Kind::List, "args")) t.input.args = *v;
  if (auto* v = require(field(fields, "kwargs"), Value::Kind::Dict, "kwargs")) t.input.kwargs = *v;
  if (auto* v = require(field(fields, "input"), Value::Kind::Str, "input")) t.input.stdin_data = v->text;
  if (auto* v = require(field(fields, "code"), Value::Kind::Str, "code")) t.input.code = v->text;
  if (auto* v = require(field(fields, "ops"), Value::Kind::List, "ops")) {
    for (const auto& op : v->items) {
      if (op.kind != Value::Kind::Str) {
        throw JudgeError(fmt::format("{}: generate() field 'ops' must be a list of method names", g.origin.str()));
      }
      t.input.ops.push_back(op.text);
    }
  }
  // The same rules as a written test: a malformed generator is caught here, not by the
  // reference crashing on its output.
  if (auto mistake = check_test_input(p, t)) {
    throw JudgeError(fmt::format("{}: generated test {}: field '{}': {}", g.origin.str(), t.name, mistake->field,
                                 mistake->message));
  }
  return t;
}

void fill_expected(const Problem& p, std::vector<TestCase>& generated, Runner& runner) {
  std::ifstream in(*p.reference, std::ios::binary);
  std::stringstream src;
  src << in.rdbuf();
  Setup setup{p.mode, p.prelude, p.entry, p.reference->string(), src.str(), p.limits};
  // The reference gets generous limits: it defines the answer, it is not being judged here.
  setup.limits.time *= 10;
  setup.limits.wall *= 10;
  if (std::holds_alternative<CompileError>(runner.start(setup))) {
    throw JudgeError("the reference solution " + p.reference->string() + " does not compile");
  }
  for (auto& t : generated) {
    TestOutcome o = runner.run(t.input);
    std::optional<ChildReport> report;
    try {
      if (!o.report.empty()) report = decode_child_report(o.report);
    } catch (const ProtocolError&) {
    }
    const auto* ret = report ? std::get_if<Returned>(&*report) : nullptr;
    if (!ret || o.signaled || o.status != 0 || o.killed_by != KilledBy::None) {
      throw JudgeError(fmt::format("the reference solution fails on generated test {} ({})", t.name, t.origin.str()));
    }
    if (p.mode == Mode::Stdio) t.expected_output = o.stdout_data;
    else t.expected = ret->value;
  }
}

}  // namespace

std::vector<TestCase> generated_inputs(const Problem& problem) {
  std::vector<TestCase> generated;
  for (const auto& g : problem.generators) {
    for (std::int64_t size : g.sizes) {
      for (int i = 0; i < g.count; ++i) {
        Value fields;
        try {
          fields = host::generate(g.file, g.seed, size, i);
        } catch (const std::runtime_error& e) {
          throw JudgeError(e.what());
        }
        generated.push_back(test_from(problem, g, fields, size, i));
      }
    }
  }
  return generated;
}

std::vector<TestCase> all_tests(const Problem& problem, const RunnerFactory& make_runner) {
  std::vector<TestCase> tests = problem.tests;
  if (problem.generators.empty()) return tests;
  std::vector<TestCase> generated = generated_inputs(problem);
  auto runner = make_runner();
  fill_expected(problem, generated, *runner);
  tests.insert(tests.end(), generated.begin(), generated.end());
  return tests;
}

}  // namespace pyjudge
