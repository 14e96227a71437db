#include "judge/interactive.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <utility>

#include "judge/feedback.hpp"

namespace pyjudge {

namespace {

struct PipeEnd {
  int fd = -1;
  ~PipeEnd() { reset(); }
  void reset() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

// Close-on-exec: neither the box (already running) nor the interactor's exec keeps an end it
// was not given; a forgotten copy would hold back the other side's EOF.
void make_pipe(PipeEnd& read_end, PipeEnd& write_end) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) throw JudgeError(fmt::format("pipe2: {}", std::strerror(errno)));
  read_end.fd = fds[0];
  write_end.fd = fds[1];
}

}  // namespace

ValidatorLimits interactor_limits(const Limits& solution) {
  ValidatorLimits l;
  l.cpu = std::max(l.cpu, solution.time);
  l.wall = solution.wall + Millis(5000);
  return l;
}

TestOutcome run_interactive_test(const Problem& problem, const TestCase& test, Runner& runner,
                                 InteractionResult& result) {
  if (!problem.output_validator) throw JudgeError("an interactive problem without an interactor");
  PipeEnd to_solution_read, to_solution_write, from_solution_read, from_solution_write;
  make_pipe(to_solution_read, to_solution_write);
  make_pipe(from_solution_read, from_solution_write);
  std::optional<RunningInteractor> interactor;
  try {
    interactor.emplace(*problem.output_validator, test.input_file.value_or(""), test.answer_file.value_or(""),
                       test.validator_args, from_solution_read.fd, to_solution_write.fd,
                       interactor_limits(problem.limits));
  } catch (const std::runtime_error& e) {
    throw JudgeError(fmt::format("interactor {}: {}", problem.output_validator->source.string(), e.what()));
  }
  from_solution_read.reset();
  to_solution_write.reset();
  RunTest run = test.input;
  run.interactive = true;
  run.stdin_data.clear();  // the interactor gives the input
  runner.submit_interactive(run, to_solution_read.fd, from_solution_write.fd);
  to_solution_read.reset();
  from_solution_write.reset();
  TestOutcome outcome = runner.next_outcome();
  result.interactor = interactor->wait();
  result.interactor_cpu = interactor->cpu();
  result.interactor_wall = interactor->wall();
  result.interactor_first = outcome.interactor_left_first;
  return outcome;
}

Classification classify_interaction(const InteractionResult& in, const RunStats& stats, const Limits& limits) {
  const ValidatorResult& v = in.interactor;
  if (v.outcome == ValidatorResult::Outcome::Failed) return {Verdict::IE, v.failure};
  bool rejected = v.outcome == ValidatorResult::Outcome::Rejected;
  auto wrong = [&](const char* why) {
    return Classification{Verdict::WA, v.team_message.empty() ? why : printable(v.team_message)};
  };
  // problemtools: an interactor that rejects and leaves first decides, even if the solution,
  // cut off, then crashed or stalled.
  if (rejected && in.interactor_first) return wrong("the interactor rejected the interaction");
  Classification run = classify(stats, limits);
  if (run.verdict) {
    if (*run.verdict == Verdict::TLE && stats.outcome.killed_by == KilledBy::WallClock) {
      run.message = "the interaction stalled (the solution and the interactor both waiting? flush after each "
                    "answer): " + run.message;
    }
    return run;
  }
  if (rejected) return wrong("the interactor rejected the interaction");
  return {Verdict::AC, ""};
}

}  // namespace pyjudge
