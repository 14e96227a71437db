#include <doctest/doctest.h>
#include <fmt/format.h>
#include <signal.h>

#include "judge/verdict.hpp"

using namespace pyjudge;

namespace {

RaisedException exception(const char* qualified) { return RaisedException{"X", "builtins", {qualified}, "", {}}; }

struct Row {
  const char* name;
  RunStats stats;
  std::optional<Verdict> expected;
};

RunStats base() {
  RunStats s;
  s.outcome.baseline = mib(20);
  s.outcome.max_rss = mib(21);
  s.outcome.user = Micros(10'000);
  s.outcome.wall = Micros(12'000);
  s.report = Returned{Value::of_int(1)};
  return s;
}

template <typename F>
RunStats with(F f) {
  RunStats s = base();
  f(s);
  return s;
}

}  // namespace

TEST_CASE("The classifier decides every verdict with one precedence") {
  Limits limits;  // 1 s CPU, 3 s wall, 64 MiB, 1 MiB output
  const Row rows[] = {
      {"a clean run is left to comparison", base(), std::nullopt},
      {"output cut by the reader is OLE", with([](auto& s) { s.outcome.killed_by = KilledBy::Output; }), Verdict::OLE},
      {"OLE wins over the SIGKILL that ended it", with([](auto& s) { s.outcome.killed_by = KilledBy::Output; s.outcome.signaled = true; s.outcome.status = SIGKILL; }), Verdict::OLE},
      {"memory over the limit is MLE", with([](auto& s) { s.outcome.max_rss = mib(20 + 65); }), Verdict::MLE},
      {"an escaping MemoryError is MLE, not RE", with([](auto& s) { s.report = exception("builtins.MemoryError"); }), Verdict::MLE},
      {"CPU over the limit is TLE", with([](auto& s) { s.outcome.user = Micros(1'000'001); }), Verdict::TLE},
      {"SIGKILL at the CPU deadline is TLE, not RE", with([](auto& s) { s.outcome.killed_by = KilledBy::CpuTime; s.outcome.signaled = true; s.outcome.status = SIGKILL; s.report.reset(); }), Verdict::TLE},
      {"SIGKILL at the wall deadline is TLE", with([](auto& s) { s.outcome.killed_by = KilledBy::WallClock; s.outcome.signaled = true; s.outcome.status = SIGKILL; s.report.reset(); }), Verdict::TLE},
      {"SIGXCPU from RLIMIT_CPU is TLE", with([](auto& s) { s.outcome.signaled = true; s.outcome.status = SIGXCPU; s.report.reset(); }), Verdict::TLE},
      {"wall over the limit is TLE", with([](auto& s) { s.outcome.wall = Micros(3'000'001); }), Verdict::TLE},
      {"an exception is RE", with([](auto& s) { s.report = exception("builtins.IndexError"); }), Verdict::RE},
      {"an expected exception is left to comparison", with([](auto& s) { s.report = exception("builtins.ValueError"); s.exception_expected = true; }), std::nullopt},
      {"a segfault is RE", with([](auto& s) { s.outcome.signaled = true; s.outcome.status = SIGSEGV; s.report.reset(); }), Verdict::RE},
      {"a forbidden call is RE", with([](auto& s) { s.report = ForbiddenSyscall{57}; s.outcome.status = 125; }), Verdict::RE},
      {"a missing result is RE", with([](auto& s) { s.report.reset(); }), Verdict::RE},
      {"a stdio program needs no result", with([](auto& s) { s.report.reset(); s.stdout_is_the_answer = true; }), std::nullopt},
      {"a non-zero exit is RE", with([](auto& s) { s.outcome.status = 3; s.stdout_is_the_answer = true; }), Verdict::RE},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(classify(row.stats, limits).verdict == row.expected);
  }
}

TEST_CASE("Memory is reported net of the interpreter's baseline") {
  RunStats s = base();
  s.outcome.baseline = mib(20);
  s.outcome.max_rss = mib(70);
  CHECK(s.memory() == mib(50));
  s.outcome.max_rss = mib(10);
  CHECK(s.memory() == Bytes{0});
}

TEST_CASE("A forbidden call is named") {
  RunStats s = base();
  s.report = ForbiddenSyscall{57};
  CHECK(classify(s, Limits{}).message == "forbidden operation: fork");
}

TEST_CASE("An OOM kill states the same figure as the test's memory, against the limit") {
  Limits limits;  // 64 MiB
  RunStats s = with([](RunStats& r) {
    r.outcome.cgroup_peak = mib(96);
    r.outcome.cgroup_oom = true;
    r.outcome.signaled = true;
    r.outcome.status = SIGKILL;
  });
  Classification c = classify(s, limits);
  REQUIRE(c.verdict == Verdict::MLE);
  CHECK(c.message == fmt::format("used {:.1f} MiB of 64 MiB: stopped by the kernel's OOM killer", s.memory().mib()));
  CHECK(c.message.find("96.0 MiB of 64 MiB") != std::string::npos);
}

TEST_CASE("A TLE states the figure of the clock that decided it, over its limit") {
  Limits limits;  // 1 s CPU, 3 s wall
  Classification cpu = classify(with([](RunStats& r) {
    r.outcome.user = Micros(1'000'400);
    r.outcome.killed_by = KilledBy::CpuTime;
  }), limits);
  REQUIRE(cpu.verdict == Verdict::TLE);
  CHECK(cpu.message == "CPU time over the 1000 ms limit: 1000.4 ms");
  // Killed by the wall clock with the CPU under its limit: the wall figure is the one shown.
  Classification wall = classify(with([](RunStats& r) {
    r.outcome.user = Micros(970'000);
    r.outcome.wall = Micros(3'000'500);
    r.outcome.killed_by = KilledBy::WallClock;
  }), limits);
  REQUIRE(wall.verdict == Verdict::TLE);
  CHECK(wall.message == "wall time over the 3000 ms limit: 3000.5 ms, of which 970.0 ms CPU (sleeping or blocked?)");
}
