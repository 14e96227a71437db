// Verdicts, and the one function that decides them from what the kernel observed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "protocol/messages.hpp"

namespace pyjudge {

enum class Verdict { AC, WA, TLE, MLE, RE, OLE, CE, IE };

const char* verdict_code(Verdict v);  ///< "AC", "WA", ...
const char* verdict_name(Verdict v);  ///< "Accepted", "Wrong Answer", ...
/// The inverse of verdict_code(): nullopt for any other text.
std::optional<Verdict> verdict_from_code(std::string_view code);

/// One test's run, in judge units: measured by the box's parent from wait4 and the pipes it read,
/// plus the child's report decoded by the judge (nullopt when missing or malformed).
struct RunStats {
  TestOutcome outcome;
  std::optional<ChildReport> report;
  std::string report_problem;  ///< why `report` is missing, when it is
  bool stdout_is_the_answer = false;  ///< stdio mode: the exit status and output are the result
  bool exception_expected = false;    ///< the test says `raises:`
  Micros cpu() const { return outcome.user + outcome.system; }
  Bytes memory() const;
  Bytes rusage_memory() const;  ///< peak resident memory net of the box's baseline  ///< the cgroup's peak, else peak resident memory net of the box's baseline
};

struct Classification {
  std::optional<Verdict> verdict;  ///< nullopt: the run completed; compare its result
  std::string message;
};

/// TLE, MLE, OLE or RE when the run itself failed, else nullopt (then comparison decides AC/WA).
/// Precedence: OLE (the reader cut it off), then MLE (over the limit, or a MemoryError escaped),
/// then TLE (CPU or wall limit, including a SIGKILL at the deadline), then RE.
Classification classify(const RunStats& stats, const Limits& limits);

}  // namespace pyjudge
