// Every message between judge and box survives encode -> decode with every field set to a value
// other than its default, so a field written but not read (or read in another order) fails here.
#include <doctest/doctest.h>

#include "protocol/messages.hpp"
#include "protocol/wire.hpp"

using namespace pyjudge;

TEST_CASE("Setup round-trips") {
  Setup m;
  m.mode = Mode::Design;
  m.prelude = Prelude::None;
  m.entry = "LRUCache";
  m.filename = "sol.py";
  m.source = std::string("class LRUCache: pass\n\0\xff", 23);
  m.limits = {Millis(1234), Millis(5678), mib(99), mib(3)};
  m.isolation = Isolation::Process;
  m.required_layers = {"landlock", "namespaces"};
  m.modules = {{"helper.py", "def f(): pass\n"}, {"pkg/__init__.py", std::string("\0x", 2)}};
  Setup d = decode_setup(encode(m));
  CHECK(d.isolation == m.isolation);
  CHECK(d.required_layers == m.required_layers);
  CHECK(d.mode == m.mode);
  CHECK(d.prelude == m.prelude);
  CHECK(d.entry == m.entry);
  CHECK(d.filename == m.filename);
  CHECK(d.source == m.source);
  CHECK(d.limits.time == m.limits.time);
  CHECK(d.limits.wall == m.limits.wall);
  CHECK(d.limits.memory == m.limits.memory);
  CHECK(d.limits.output == m.limits.output);
  REQUIRE(d.modules.size() == 2);
  CHECK(d.modules[1].path == "pkg/__init__.py");
  CHECK(d.modules[1].source == m.modules[1].source);
}

TEST_CASE("Ready, CompileError and Fatal round-trip") {
  Ready r{"3.11.2",
          {{"seccomp", LayerState::Active, ""},
           {"credentials", LayerState::NotNeeded, "not root (uid 1000): nothing to drop"},
           {"landlock", LayerState::Active, "ABI 4"},
           {"namespaces", LayerState::Missing, "unshare: EPERM"}},
          Isolation::Shared};
  Ready rd = decode_ready(encode(r));
  CHECK(rd.python_version == r.python_version);
  CHECK(rd.layers == r.layers);
  CHECK(rd.isolation == Isolation::Shared);

  CompileError c{"invalid syntax", "IndentationError", 7, 3, 9};
  CompileError cd = decode_compile_error(encode(c));
  CHECK(cd.message == c.message);
  CHECK(cd.kind == c.kind);
  CHECK(cd.line == c.line);
  CHECK(cd.column == c.column);
  CHECK(cd.end_column == c.end_column);

  CHECK(decode_fatal(encode(Fatal{"cannot fork"})).message == "cannot fork");
}

TEST_CASE("A layer status with a state outside the closed list is refused") {
  Ready r{"3.11.2", {{"seccomp", LayerState::Active, ""}}, Isolation::Process};
  std::string bytes = encode(r);
  // python_version (u64 length + bytes), layer count, name (u64 length + bytes), then the state.
  std::size_t state_at = 8 + r.python_version.size() + 8 + 8 + std::string("seccomp").size();
  REQUIRE(bytes[state_at] == static_cast<char>(LayerState::Active));
  bytes[state_at] = 7;
  CHECK_THROWS_AS(decode_ready(bytes), ProtocolError);
}

TEST_CASE("RunTest round-trips") {
  RunTest m;
  m.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_int(1), Value::of_str("x")}));
  m.kwargs = EncodedValue(Value::sequence(Value::Kind::Dict, {Value::of_str("k"), Value::of_bool(true)}));
  m.ops = {"LRUCache", "put", "get"};
  m.code = "result = f()";
  m.stdin_data = "1 2\n";
  m.compare_arg = 2;
  RunTest d = decode_run_test(encode(m));
  CHECK(d.args == m.args);
  CHECK(d.kwargs == m.kwargs);
  CHECK(repr(d.args.decode()) == "[1, 'x']");
  CHECK(d.ops == m.ops);
  CHECK(d.code == m.code);
  CHECK(d.stdin_data == m.stdin_data);
  CHECK(d.compare_arg == m.compare_arg);
}

TEST_CASE("A RunTest read as a view forwards its values' bytes unbuilt, and re-encodes to the same bytes") {
  RunTest m;
  m.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_int(1), Value::of_str("x"),
                                               Value::sequence(Value::Kind::Dict, {Value::of_str("k"), Value::none()})}));
  m.kwargs = EncodedValue(Value::sequence(Value::Kind::Dict, {Value::of_str("k"), Value::of_bool(true)}));
  m.ops = {"LRUCache", "put", "get"};
  m.code = "result = f()";
  m.stdin_data = "1 2\n";
  m.compare_arg = 2;
  m.fresh = true;
  std::string payload = encode(m);
  RunTestView v = decode_run_test_view(payload);
  CHECK(v.args == m.args.bytes());
  CHECK(v.kwargs == m.kwargs.bytes());
  CHECK(v.ops == m.ops);
  CHECK(v.code == m.code);
  CHECK(v.stdin_data == m.stdin_data);
  CHECK(v.compare_arg == m.compare_arg);
  CHECK(v.fresh);
  CHECK(encode(v) == payload);
  // Cut anywhere, it is malformed, as for decode_run_test.
  for (std::size_t cut = 0; cut < payload.size(); ++cut) {
    CHECK_THROWS_AS(decode_run_test_view(std::string_view(payload).substr(0, cut)), ProtocolError);
  }
}

TEST_CASE("TestOutcome round-trips") {
  TestOutcome m;
  m.signaled = true;
  m.status = 9;
  m.killed_by = KilledBy::CpuTime;
  m.user = Micros(111);
  m.system = Micros(222);
  m.wall = Micros(333);
  m.max_rss = mib(40);
  m.baseline = mib(20);
  m.cgroup_peak = mib(21);
  m.cgroup_oom = true;
  m.stdout_data = "out";
  m.stderr_data = "err";
  m.stderr_truncated = true;
  m.report = std::string("\x07\x00raw", 5);
  m.report_truncated = true;
  TestOutcome d = decode_test_outcome(encode(m));
  CHECK(d.signaled == m.signaled);
  CHECK(d.status == m.status);
  CHECK(d.killed_by == m.killed_by);
  CHECK(d.user == m.user);
  CHECK(d.system == m.system);
  CHECK(d.wall == m.wall);
  CHECK(d.max_rss == m.max_rss);
  CHECK(d.baseline == m.baseline);
  CHECK(d.cgroup_peak == m.cgroup_peak);
  CHECK(d.cgroup_oom == m.cgroup_oom);
  CHECK(d.stdout_data == m.stdout_data);
  CHECK(d.stderr_data == m.stderr_data);
  CHECK(d.stderr_truncated == m.stderr_truncated);
  CHECK(d.report == m.report);
  CHECK(d.report_truncated == m.report_truncated);
}

TEST_CASE("Every ChildReport alternative round-trips") {
  RaisedException e;
  e.type = "Solution.Error";
  e.module = "__main__";
  e.mro = {"__main__.Solution.Error", "builtins.ValueError", "builtins.Exception"};
  e.message = "bad";
  e.frames = {{"sol.py", 3, "f"}, {"sol.py", 9, "g"}};
  auto raised = decode_child_report(encode(ChildReport{e}));
  REQUIRE(std::holds_alternative<RaisedException>(raised));
  const auto& rd = std::get<RaisedException>(raised);
  CHECK(rd.type == e.type);
  CHECK(rd.module == e.module);
  CHECK(rd.mro == e.mro);
  CHECK(rd.message == e.message);
  REQUIRE(rd.frames.size() == 2);
  CHECK(rd.frames[1].file == "sol.py");
  CHECK(rd.frames[1].line == 9);
  CHECK(rd.frames[1].function == "g");

  auto ret = decode_child_report(encode(ChildReport{Returned{Value::of_int(42)}}));
  REQUIRE(std::holds_alternative<Returned>(ret));
  CHECK(std::get<Returned>(ret).value.integer == 42);

  auto bad = decode_child_report(encode(ChildReport{NotPlainData{"a list subclass"}}));
  REQUIRE(std::holds_alternative<NotPlainData>(bad));
  CHECK(std::get<NotPlainData>(bad).reason == "a list subclass");

  auto forbidden = decode_child_report(encode(ChildReport{ForbiddenSyscall{57}}));
  REQUIRE(std::holds_alternative<ForbiddenSyscall>(forbidden));
  CHECK(std::get<ForbiddenSyscall>(forbidden).number == 57);
}
