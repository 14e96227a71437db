#include "judge/verdict.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <string.h>

#include <algorithm>

#include "sandbox/layers.hpp"

namespace pyjudge {

const char* verdict_code(Verdict v) {
  switch (v) {
    case Verdict::AC: return "AC";
    case Verdict::WA: return "WA";
    case Verdict::TLE: return "TLE";
    case Verdict::MLE: return "MLE";
    case Verdict::RE: return "RE";
    case Verdict::OLE: return "OLE";
    case Verdict::CE: return "CE";
    case Verdict::IE: return "IE";
  }
  return "?";
}

std::optional<Verdict> verdict_from_code(std::string_view code) {
  for (Verdict v : {Verdict::AC, Verdict::WA, Verdict::TLE, Verdict::MLE, Verdict::RE, Verdict::OLE, Verdict::CE,
                    Verdict::IE}) {
    if (code == verdict_code(v)) return v;
  }
  return std::nullopt;
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::AC: return "Accepted";
    case Verdict::WA: return "Wrong Answer";
    case Verdict::TLE: return "Time Limit Exceeded";
    case Verdict::MLE: return "Memory Limit Exceeded";
    case Verdict::RE: return "Runtime Error";
    case Verdict::OLE: return "Output Limit Exceeded";
    case Verdict::CE: return "Compile Error";
    case Verdict::IE: return "Internal Error";
  }
  return "?";
}

Bytes RunStats::memory() const {
  // With a cgroup, the kernel counted exactly what the test's process allocated after it joined.
  return outcome.cgroup_peak.value > 0 ? outcome.cgroup_peak : rusage_memory();
}

Bytes RunStats::rusage_memory() const {
  return Bytes{outcome.max_rss.value > outcome.baseline.value ? outcome.max_rss.value - outcome.baseline.value : 0};
}

namespace {

bool raised(const RunStats& s, const char* qualified) {
  const auto* e = s.report ? std::get_if<RaisedException>(&*s.report) : nullptr;
  return e && std::find(e->mro.begin(), e->mro.end(), qualified) != e->mro.end();
}

std::optional<std::string> runtime_error(const RunStats& s) {
  const TestOutcome& o = s.outcome;
  if (s.report) {
    if (const auto* f = std::get_if<ForbiddenSyscall>(&*s.report)) {
      return "forbidden operation: " + sandbox::syscall_name(f->number);
    }
  }
  if (o.signaled) {
    if (o.status == SIGSYS) return std::string("forbidden operation (killed by SIGSYS)");
    return fmt::format("killed by signal {} ({})", sigabbrev_np(o.status) ? sigabbrev_np(o.status) : "?",
                       strsignal(o.status));
  }
  if (s.report) {
    if (const auto* e = std::get_if<RaisedException>(&*s.report); e && !s.exception_expected) {
      return e->message.empty() ? e->type : e->type + ": " + e->message;
    }
  }
  if (o.status != 0) return fmt::format("exit status {}", o.status);
  if (!s.report && !s.stdout_is_the_answer) {
    return s.report_problem.empty() ? "the process exited without returning a result" : s.report_problem;
  }
  return std::nullopt;
}

}  // namespace

Classification classify(const RunStats& s, const Limits& limits) {
  const TestOutcome& o = s.outcome;
  if (o.report_truncated) {  // the box's reader stopped at the channel's cap
    return {Verdict::OLE, fmt::format("the result is over the result channel's limit ({} MiB, or {} values)",
                                      kMaxChildReport >> 20, kMaxValues)};
  }
  if (o.killed_by == KilledBy::Output || o.stdout_data.size() > limits.output.value) {
    return {Verdict::OLE, fmt::format("output exceeded the {} KiB limit", limits.output.kib())};
  }
  if (o.cgroup_oom) {
    // The same figure as the test's memory column: what the cgroup saw at the kill.
    return {Verdict::MLE, fmt::format("used {:.1f} MiB of {:.0f} MiB: stopped by the kernel's OOM killer", s.memory().mib(),
                                      limits.memory.mib())};
  }
  if (s.memory() > limits.memory) {
    return {Verdict::MLE, fmt::format("used {:.1f} MiB of {:.0f} MiB", s.memory().mib(), limits.memory.mib())};
  }
  if (raised(s, "builtins.MemoryError")) {
    return {Verdict::MLE, fmt::format("MemoryError: allocation beyond the {:.0f} MiB limit", limits.memory.mib())};
  }
  bool cpu_over = s.cpu() > limits.time || o.killed_by == KilledBy::CpuTime ||
                  (o.signaled && o.status == SIGXCPU);
  // A TLE names the figure it was decided on, from the clock that decided it: a wall-clock TLE's
  // CPU time is under the CPU limit, so the message gives the wall figure beside it.
  auto ms = [](Micros t) { return std::chrono::duration<double, std::milli>(t).count(); };
  if (cpu_over) {
    return {Verdict::TLE, fmt::format("CPU time over the {} ms limit: {:.1f} ms", limits.time.count(), ms(s.cpu()))};
  }
  if (o.killed_by == KilledBy::WallClock || o.wall > limits.wall) {
    return {Verdict::TLE, fmt::format("wall time over the {} ms limit: {:.1f} ms, of which {:.1f} ms CPU (sleeping or blocked?)",
                                      limits.wall.count(), ms(o.wall), ms(s.cpu()))};
  }
  if (auto why = runtime_error(s)) return {Verdict::RE, *why};
  return {std::nullopt, ""};
}

}  // namespace pyjudge
