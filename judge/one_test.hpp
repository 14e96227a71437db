// One test judged: the box's raw outcome for a test -> RunStats -> classify() -> comparison ->
// the details a report may show. A pure function of its inputs: nothing is carried from one test
// to the next, so a test's report never shows another test's data.
#pragma once

#include <string>

#include "judge/results.hpp"
#include "judge/spec.hpp"
#include "protocol/messages.hpp"

namespace pyjudge {

struct InteractionResult;

/// The candidate's file as the judge received it: `name` is what tracebacks and reports show,
/// `text` its bytes (tracebacks quote its lines); a solution folder's other modules beside it
/// (judge/solution_folder.hpp).
struct SourceFile {
  std::string name;
  std::string text;
  std::vector<ModuleFile> modules{};
};

/// Judges one test from what its child did. The child's report inside `outcome` is hostile:
/// it is decoded here under the protocol's caps (over them: OLE; malformed: RE). Every failed
/// test keeps its full detail, each piece bounded; what a candidate may see of it is decided
/// later, from the audience alone (judge/redact.hpp).
/// `interaction`: an interactive test's interactor (judge/interactive.hpp), which decides the
/// verdict together with the solution's end.
TestReport judge_test(const Problem& problem, const SourceFile& file, const TestCase& test, TestOutcome outcome,
                      const InteractionResult* interaction = nullptr);

}  // namespace pyjudge
