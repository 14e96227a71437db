// Generated tests: the generator runs here, in the judge (trusted, seeded); the expected values
// come from the reference solution, run in a box like any other solution.
#include "judge/generate.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "judge/cache.hpp"
#include "judge/escape.hpp"
#include "judge/feedback.hpp"
#include "judge/judge.hpp"
#include "judge/python_host.hpp"
#include "protocol/files.hpp"

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
  for (std::size_t k = 0; k + 1 < fields.items.size(); k += 2) {
    const Value& key = fields.items[k];
    static const std::set<std::string> known = {"args", "kwargs", "input", "code", "ops"};
    if (key.kind != Value::Kind::Str || !known.count(key.text)) {
      throw JudgeError(fmt::format("{}: generate() returned an unknown field {} (known: args, kwargs, input, code, ops)",
                                   g.origin.str(), printable(repr(key, 80))));
    }
  }
  if (auto* v = require(field(fields, "args"), Value::Kind::List, "args")) t.input.args = EncodedValue(*v);
  if (auto* v = require(field(fields, "kwargs"), Value::Kind::Dict, "kwargs")) t.input.kwargs = EncodedValue(*v);
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

std::string read_reference(const Problem& p) {
  FileContents f = read_whole_file(*p.reference, kMaxSourceFileRead);
  if (!f.ok()) throw JudgeError("cannot read the reference solution " + p.reference->string() + ": " + f.error);
  return std::move(f.data);
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

std::atomic<bool> g_show_progress{false};

// "gen.py size 100000: 3/5", redrawn in place on a terminal while generators run (a large size
// can take seconds per test); cleared when they are done. Nothing at all off a terminal.
class GenerationProgress {
 public:
  GenerationProgress() : on_(g_show_progress && isatty(STDERR_FILENO)) {}
  ~GenerationProgress() {
    if (on_ && shown_) std::cerr << "\r\x1b[K" << std::flush;
  }
  void at(const GeneratorSpec& g, std::int64_t size, int index) {
    if (!on_) return;
    shown_ = true;
    std::cerr << "\r\x1b[K" << terminal_line(g.file.filename().string()) << " size " << size << ": " << index + 1 << "/"
              << g.count << std::flush;
  }

 private:
  bool on_;
  bool shown_ = false;
};

}  // namespace

void fill_expected(const Problem& p, std::vector<TestCase>& tests, Runner& runner, const std::atomic<bool>* cancel) {
  if (!p.reference) throw JudgeError("the problem " + p.id + " has no reference solution");
  Setup setup{p.mode, p.prelude, p.entry, p.reference->string(), read_reference(p), p.limits, Isolation::Shared, {}};
  // The reference gets generous limits: it defines the answer, it is not being judged here.
  setup.limits.time *= 10;
  setup.limits.wall *= 10;
  if (std::holds_alternative<CompileError>(runner.start(setup))) {
    throw JudgeError("the reference solution " + p.reference->string() + " does not compile");
  }
  if (!tests.empty()) runner.submit(tests.front().input);
  for (std::size_t i = 0; i < tests.size() && !cancelled(cancel); ++i) {
    auto& t = tests[i];
    if (i + 1 < tests.size()) runner.submit(tests[i + 1].input);
    TestOutcome o = runner.next_outcome();
    std::optional<ChildReport> report;
    try {
      if (!o.report.empty()) report = decode_child_report(o.report);
    } catch (const ProtocolError&) {
    }
    const auto* ret = report ? std::get_if<Returned>(&*report) : nullptr;
    const auto* raised = report ? std::get_if<RaisedException>(&*report) : nullptr;
    bool clean_exit = !o.signaled && o.status == 0 && o.killed_by == KilledBy::None;
    // Custom input the reference rejects with an exception: the candidate must raise it too
    // (a stdio program's exception is a crash, not an answer).
    if (t.custom && raised && p.mode != Mode::Stdio && o.killed_by == KilledBy::None && !raised->type.empty()) {
      t.raises = raised->module == "builtins" ? raised->type : raised->module + "." + raised->type;
      continue;
    }
    bool answered = ret && clean_exit;
    if (answered) {
      if (p.mode == Mode::Stdio) t.expected_output = o.stdout_data;
      else t.expected = ret->value;
      continue;
    }
    // Why, for the author: the exception and where, a limit, a signal or an exit status.
    std::string why = raised ? printable(raised->type + ": " + raised->message.substr(0, 300))
                    : o.killed_by != KilledBy::None ? "it was stopped at a limit (10x the problem's)"
                    : o.signaled ? fmt::format("killed by signal {}", o.status)
                    : o.status != 0 ? fmt::format("exit status {}", o.status)
                    : report && std::holds_alternative<NotPlainData>(*report)
                        ? "it returned " + std::get<NotPlainData>(*report).reason
                        : "it returned nothing the judge could read";
    if (raised && !raised->frames.empty()) {
      why += fmt::format(" (at {}:{})", printable(raised->frames.back().file), raised->frames.back().line);
    }
    if (t.custom) {
      throw UsageError(fmt::format("the reference solution fails on this custom input ({}): check that it "
                                   "follows the problem's input format", why));
    }
    throw JudgeError(fmt::format("the reference solution {} fails on generated test {} ({}): {}", p.reference->string(),
                                 t.name, t.origin.str(), why));
  }
}

std::vector<TestCase> planned_generated_tests(const Problem& problem) {
  std::vector<TestCase> planned;
  for (const auto& g : problem.generators) {
    for (std::int64_t size : g.sizes) {
      for (int i = 0; i < g.count; ++i) {
        TestCase t;
        t.name = generated_test_name(g, size, i);
        t.origin = g.origin;
        t.group = g.group;
        planned.push_back(std::move(t));
      }
    }
  }
  return planned;
}

std::vector<TestCase> generated_inputs(const Problem& problem, const std::atomic<bool>* cancel) {
  std::vector<TestCase> generated;
  GenerationProgress progress;
  for (const auto& g : problem.generators) {
    for (std::int64_t size : g.sizes) {
      for (int i = 0; i < g.count; ++i) {
        if (cancelled(cancel)) return generated;
        progress.at(g, size, i);
        Value fields;
        try {
          fields = host::generate(g.file, g.seed, size, i, problem.author_limits);
        } catch (const std::runtime_error& e) {
          throw JudgeError(e.what());
        }
        generated.push_back(test_from(problem, g, fields, size, i));
      }
    }
  }
  return generated;
}

std::optional<std::vector<TestCase>> cached_generated_tests(const Problem& problem, const TestCache* cache,
                                                            const std::atomic<bool>* cancel) {
  if (problem.generators.empty()) return std::vector<TestCase>{};
  std::optional<std::string> key;
  if (cache) key = problem_cache_key(problem);
  if (!key) return std::nullopt;
  auto bytes = cache->load(*key);
  if (!bytes) return std::nullopt;
  try {
    std::vector<TestCase> tests = decode_tests(*bytes, cancel);
    if (!cancelled(cancel)) return tests;
  } catch (const ProtocolError&) {
    // A well-formed entry that does not decode (written by another build): rebuilt by the caller.
  }
  return std::nullopt;
}
void show_generation_progress(bool on) { g_show_progress = on; }

std::vector<TestCase> generated_tests(const Problem& problem, const RunnerFactory& make_runner,
                                      const TestCache* cache, const std::atomic<bool>* cancel) {
  if (problem.generators.empty()) return {};
  if (auto cached = cached_generated_tests(problem, cache, cancel)) return std::move(*cached);
  std::optional<std::string> key;
  if (cache) key = problem_cache_key(problem);
  std::vector<TestCase> generated = generated_inputs(problem, cancel);
  auto runner = make_runner();
  fill_expected(problem, generated, *runner, cancel);
  if (cancelled(cancel)) return {};
  if (key) cache->store(*key, encode_tests(generated));
  return generated;
}

std::vector<TestCase> all_tests(const Problem& problem, const RunnerFactory& make_runner, const TestCache* cache) {
  std::vector<TestCase> tests = problem.tests;
  std::vector<TestCase> generated = generated_tests(problem, make_runner, cache);
  tests.insert(tests.end(), std::make_move_iterator(generated.begin()), std::make_move_iterator(generated.end()));
  return tests;
}

}  // namespace pyjudge
