// Interactive problems (a package's `validation: custom interactive`): the solution, in its
// sandboxed test child, and the interactor, the package's output validator run in the judge's
// trust domain, talk over two pipes; each side's time is its own. One test: spec -> pipes ->
// interactor + box -> both ends -> classify_interaction() -> verdict.
#pragma once

#include <chrono>

#include "judge/output_validator.hpp"
#include "judge/runner.hpp"
#include "judge/spec.hpp"
#include "judge/verdict.hpp"

namespace pyjudge {

/// The interactor's side of one interactive test.
struct InteractionResult {
  ValidatorResult interactor;
  bool interactor_first = false;  ///< it had ended when the solution was seen to end
  Micros interactor_cpu{0}, interactor_wall{0};
};

/// The interactor's limits for a problem: CPU at least 10 s (and at least the solution's), wall
/// the solution's wall limit plus 5 s (both run at once), the validators' memory.
ValidatorLimits interactor_limits(const Limits& solution);

/// Runs `test` interactively: makes the two pipes, starts the interactor on its ends, passes
/// the solution's ends to the runner's next child, waits for both. Throws JudgeError when the
/// box fails (an interactor failure is in `result`).
TestOutcome run_interactive_test(const Problem& problem, const TestCase& test, Runner& runner,
                                 InteractionResult& result);

/// The verdict of an interactive test, in problemtools' order: an interactor that crashed (not
/// 42/43, a signal, its limits) is IE naming it; one that rejected the interaction and ended
/// before the solution did is WA whatever the solution did next (cut off, it may crash or
/// stall); else the solution's own end decides (classify(): OLE, MLE, TLE, RE; a wall-clock TLE
/// says the interaction stalled); else the interactor's 42 is AC and 43 WA. Always sets a
/// verdict.
Classification classify_interaction(const InteractionResult& interaction, const RunStats& stats, const Limits& limits);

}  // namespace pyjudge
