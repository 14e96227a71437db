#include "judge/redact.hpp"

#include <fmt/format.h>

namespace pyjudge {

std::string hidden_test_message(const TestReport& t) {
  switch (t.verdict) {
    case Verdict::AC: return "";
    case Verdict::WA: return "wrong answer on a hidden test";
    case Verdict::RE:
      // A candidate can name its own class ValueError, give it any __qualname__ or forge the
      // whole report: only a view into the judge's own list is ever shown.
      if (t.builtin_exception) return fmt::format("{} on a hidden test", *t.builtin_exception);
      if (t.raised) return "an exception of the solution's own class on a hidden test";
      return "runtime error on a hidden test";
    case Verdict::TLE: return "time limit exceeded on a hidden test";
    case Verdict::MLE: return "memory limit exceeded on a hidden test";
    case Verdict::OLE: return "output limit exceeded on a hidden test";
    case Verdict::CE: return "compile error";
    case Verdict::IE: return "internal error on a hidden test";
  }
  return "";
}

TestReport redacted(const TestReport& t, Audience audience) {
  if (audience == Audience::Grader || t.sample) return t;
  TestReport out;
  out.name = t.name;
  out.sample = false;
  out.verdict = t.verdict;
  out.cpu = t.cpu;
  out.wall = t.wall;
  out.memory = t.memory;
  out.memory_from_cgroup = t.memory_from_cgroup;
  out.rusage_memory = t.rusage_memory;
  out.message = hidden_test_message(t);
  out.hidden_redacted = true;
  return out;
}

SubmissionReport redacted(const SubmissionReport& r, Audience audience) {
  SubmissionReport out = r;
  for (auto& t : out.tests) t = redacted(t, audience);
  return out;
}

}  // namespace pyjudge
