#include "judge/custom_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "judge/errors.hpp"
#include "judge/generate.hpp"
#include "judge/python_host.hpp"

namespace pyjudge {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const std::string& flag, const std::string& why) {
  throw UsageError(fmt::format("{}: {}", flag, why));
}

// Python literals only (ast.literal_eval): data, never code, even though it is the user's own.
Value literal(const std::string& flag, const std::string& text) {
  try {
    return host::literal_eval(text);
  } catch (const std::runtime_error& e) {
    // Python's message is its first line ("!py literal: SyntaxError: ..."); the rest is where.
    std::string why = e.what();
    why = why.substr(0, why.find('\n'));
    if (auto colon = why.find(": "); why.starts_with("!py literal")) why = why.substr(colon + 2);
    bad(flag, fmt::format("not a Python literal: {}", why));
  }
}

Value list_literal(const std::string& flag, const std::string& text, const char* example) {
  Value v = literal(flag, text);
  if (v.kind == Value::Kind::Tuple) v.kind = Value::Kind::List;
  if (v.kind != Value::Kind::List) bad(flag, fmt::format("expected a list, e.g. {}", example));
  return v;
}

// Where the problem's own tests pass a ListNode or TreeNode, a plain list from the command line
// means one: `--args '[[1, 2, 3]]'` for reverseList(head).
void shape_like_written_tests(const Problem& problem, Value& args) {
  if (problem.tests.empty()) return;
  const auto model = problem.tests.front().input.args.decode().items;
  for (std::size_t i = 0; i < args.items.size() && i < model.size(); ++i) {
    Value& a = args.items[i];
    bool node = model[i].kind == Value::Kind::ListNode || model[i].kind == Value::Kind::TreeNode;
    if (!node || a.kind != Value::Kind::List) continue;
    a.kind = model[i].kind;
    if (a.kind == Value::Kind::TreeNode) {
      while (!a.items.empty() && a.items.back().kind == Value::Kind::None) a.items.pop_back();
    }
  }
}

void only_for(const Problem& problem, Mode mode, bool given, const char* flag) {
  if (given && problem.mode != mode) {
    const char* use = problem.mode == Mode::Function ? "--args/--kwargs"
                    : problem.mode == Mode::Design   ? "--ops/--op-args"
                    : problem.mode == Mode::Stdio    ? "--stdin"
                                                     : "--code";
    bad(flag, fmt::format("is for {} problems, and {} is a {} problem (use {})", mode_name(mode), problem.id,
                          mode_name(problem.mode), use));
  }
}

}  // namespace

TestCase custom_test(const Problem& problem, const CustomInput& in) {
  only_for(problem, Mode::Function, in.args.has_value(), "--args");
  only_for(problem, Mode::Function, in.kwargs.has_value(), "--kwargs");
  only_for(problem, Mode::Design, in.ops.has_value(), "--ops");
  only_for(problem, Mode::Design, in.op_args.has_value(), "--op-args");
  only_for(problem, Mode::Stdio, in.stdin_data.has_value(), "--stdin");
  only_for(problem, Mode::Script, in.code.has_value(), "--code");
  TestCase t;
  t.name = "custom-1";
  t.sample = true;
  t.custom = true;
  t.origin = {"<command line>", 0};
  t.input.compare_arg = problem.compare_arg;
  if (in.args) {
    Value args = list_literal("--args", *in.args, "'[[3, 1], 4]' for f([3, 1], 4)");
    shape_like_written_tests(problem, args);
    t.input.args = EncodedValue(args);
  }
  if (in.kwargs) {
    Value kwargs = literal("--kwargs", *in.kwargs);
    if (kwargs.kind != Value::Kind::Dict) bad("--kwargs", "expected a dict, e.g. '{\"k\": 2}'");
    for (std::size_t i = 0; i < kwargs.items.size(); i += 2) {
      if (kwargs.items[i].kind != Value::Kind::Str) bad("--kwargs", "keys must be argument names (strings)");
    }
    t.input.kwargs = EncodedValue(kwargs);
  }
  if (problem.mode == Mode::Design) {
    if (!in.ops) bad("--ops", "a design problem's custom input needs --ops, e.g. '[\"MinStack\", \"push\", \"getMin\"]'");
    Value ops = list_literal("--ops", *in.ops, "'[\"MinStack\", \"push\", \"getMin\"]'");
    for (const auto& op : ops.items) {
      if (op.kind != Value::Kind::Str) bad("--ops", "expected a list of method names (strings)");
      t.input.ops.push_back(op.text);
    }
    if (t.input.ops.empty()) bad("--ops", "needs at least the class name");
    Value per_op = in.op_args ? list_literal("--op-args", *in.op_args, "'[[], [1], []]'")
                              : Value::sequence(Value::Kind::List, std::vector<Value>(t.input.ops.size(), Value::sequence(Value::Kind::List, {})));
    if (per_op.items.size() != t.input.ops.size()) {
      bad("--op-args", fmt::format("{} ops but {} argument lists", t.input.ops.size(), per_op.items.size()));
    }
    for (auto& a : per_op.items) {
      if (a.kind == Value::Kind::Tuple) a.kind = Value::Kind::List;
      if (a.kind != Value::Kind::List) bad("--op-args", "each op takes a list of arguments, e.g. '[[], [1], []]'");
    }
    t.input.args = EncodedValue(per_op);
  }
  if (problem.mode == Mode::Stdio) {
    if (!in.stdin_data) bad("--stdin", "a stdio problem's custom input needs --stdin FILE (or - for standard input)");
    t.input.stdin_data = *in.stdin_data;
  }
  if (problem.mode == Mode::Script) {
    if (!in.code) bad("--code", "a script problem's custom input needs --code 'PYTHON CODE'");
    try {
      host::check_compiles(*in.code, "<custom code>");
    } catch (const std::runtime_error& e) {
      bad("--code", e.what());
    }
    t.input.code = *in.code;
  }
  if (problem.mode == Mode::Function && !in.args && !in.kwargs) bad("--args", "a function problem's custom input needs --args");
  return t;
}

std::optional<fs::path> reference_solution(const Problem& problem) {
  if (problem.reference) return problem.reference;
  std::vector<fs::path> accepted;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(problem.dir / "solutions" / "accepted", ec)) {
    if (f.is_regular_file() && f.path().extension() == ".py") accepted.push_back(f.path());
  }
  if (accepted.empty()) return std::nullopt;
  return *std::min_element(accepted.begin(), accepted.end());
}

TestCase with_reference_expected(const Problem& problem, TestCase test, const RunnerFactory& make_runner) {
  Problem with_reference = problem;
  with_reference.reference = reference_solution(problem);
  if (!with_reference.reference) {
    throw UsageError(problem.id + " has no reference solution (reference: or solutions/accepted/) to compute "
                                  "the expected value of custom input");
  }
  std::vector<TestCase> one{std::move(test)};
  auto runner = make_runner();
  fill_expected(with_reference, one, *runner);
  return std::move(one.front());
}

}  // namespace pyjudge
