// One test: fork a child from the warm box, contain it, watch it, and report what the kernel saw.
#pragma once

#include "box/program.hpp"

namespace pyjudge::box {

/// Descriptors the box keeps open across tests.
struct BoxFds {
  int statm = -1;  ///< /proc/self/statm, opened before Landlock hides /proc
};

/// Runs `test` in a fresh child. Returns the outcome, or a Fatal when the box itself failed
/// (the judge turns that into IE, never into a verdict against the candidate).
std::variant<TestOutcome, Fatal> run_test(const Program& program, const RunTest& test,
                                          const BoxFds& fds);

}  // namespace pyjudge::box
