#include <doctest/doctest.h>
#include <signal.h>

#include "judge/interactive.hpp"

using namespace pyjudge;

namespace {

using Outcome = ValidatorResult::Outcome;

struct Row {
  const char* name;
  Outcome interactor;
  bool interactor_first;
  RunStats solution;
  Verdict expected;
  const char* message_contains;
};

RunStats clean() {
  RunStats s;
  s.stdout_is_the_answer = true;
  s.report = Returned{Value::none()};
  s.outcome.user = Micros(5'000);
  s.outcome.wall = Micros(9'000);
  return s;
}

template <typename F>
RunStats with(F f) {
  RunStats s = clean();
  f(s);
  return s;
}

RunStats raised() {
  return with([](RunStats& s) {
    s.report = RaisedException{"EOFError", "builtins", {"builtins.EOFError"}, "EOF when reading a line", {}};
    s.outcome.status = 1;
  });
}

RunStats stalled() {
  return with([](RunStats& s) {
    s.outcome.killed_by = KilledBy::WallClock;
    s.outcome.signaled = true;
    s.outcome.status = SIGKILL;
    s.outcome.wall = Micros(3'000'100);
    s.report.reset();
  });
}

}  // namespace

TEST_CASE("An interactive test's verdict comes from both ends in problemtools' order") {
  Limits limits;  // 1 s CPU, 3 s wall
  const Row rows[] = {
      {"both fine is AC", Outcome::Accepted, false, clean(), Verdict::AC, ""},
      {"a rejection after the solution ended is WA", Outcome::Rejected, false, clean(), Verdict::WA, "rejected"},
      {"a rejection that came first is WA though the solution then crashed", Outcome::Rejected, true, raised(),
       Verdict::WA, "rejected"},
      {"a rejection that came first is WA though the solution then stalled", Outcome::Rejected, true, stalled(),
       Verdict::WA, "rejected"},
      {"a solution that crashed first is RE whatever the interactor then said", Outcome::Rejected, false, raised(),
       Verdict::RE, "EOFError"},
      {"a solution that crashed is RE even when the interactor accepted", Outcome::Accepted, false, raised(), Verdict::RE,
       "EOFError"},
      {"a stall (both waiting) is TLE by the wall limit, saying so", Outcome::Rejected, false, stalled(), Verdict::TLE,
       "the interaction stalled"},
      {"a CPU TLE stays a CPU TLE", Outcome::Accepted, false,
       with([](RunStats& s) { s.outcome.user = Micros(1'000'500); s.outcome.killed_by = KilledBy::CpuTime; }),
       Verdict::TLE, "CPU time over the 1000 ms limit"},
      {"an MLE stays an MLE", Outcome::Accepted, false, with([](RunStats& s) { s.outcome.cgroup_peak = mib(65); }),
       Verdict::MLE, "MiB"},
      {"an interactor crash is IE naming it, even after a solution's crash", Outcome::Failed, false, raised(),
       Verdict::IE, "interactor output_validator"},
      {"an interactor crash is IE even when it came first", Outcome::Failed, true, clean(), Verdict::IE,
       "interactor output_validator"},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    InteractionResult in;
    in.interactor.outcome = row.interactor;
    if (row.interactor == Outcome::Failed) in.interactor.failure = "interactor output_validator exited with status 1";
    in.interactor_first = row.interactor_first;
    Classification c = classify_interaction(in, row.solution, limits);
    REQUIRE(c.verdict.has_value());
    CHECK(verdict_code(*c.verdict) == std::string(verdict_code(row.expected)));
    CHECK(c.message.find(row.message_contains) != std::string::npos);
  }
}

TEST_CASE("An interactor's team message is the WA message it gives") {
  InteractionResult in;
  in.interactor.outcome = Outcome::Rejected;
  in.interactor.team_message = "more than 10 guesses";
  Classification c = classify_interaction(in, clean(), Limits{});
  CHECK(c.verdict == Verdict::WA);
  CHECK(c.message == "more than 10 guesses");
}

TEST_CASE("The interactor's limits follow the solution's: its wall covers the solution's") {
  Limits solution;
  solution.time = Millis(20'000);
  solution.wall = Millis(60'000);
  ValidatorLimits l = interactor_limits(solution);
  CHECK(l.cpu == Millis(20'000));
  CHECK(l.wall == Millis(65'000));
  CHECK(interactor_limits(Limits{}).cpu == Millis(10'000));
}
