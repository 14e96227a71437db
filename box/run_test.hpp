// One test: fork a child from the warm box, contain it, watch it, and report what the kernel saw.
#pragma once

#include "box/program.hpp"
#include "sandbox/layers.hpp"

namespace pyjudge::box {

/// The resident size a test's child starts with, measured once per box.
struct Calibration {
  Bytes child_rss;  ///< peak RSS of a child that exits at once
  Bytes anonymous;  ///< the box's anonymous RSS when that was measured
};

/// Forks a child that exits immediately and records its peak RSS.
Calibration calibrate(int statm_fd);

/// Once per box, after Setup: the tests' cgroup gets the submission's memory and pids limits.
sandbox::Status limit_test_cgroup(sandbox::TestCgroup& cgroup, const Limits& limits);

/// What the box prepares once and keeps across tests.
struct BoxState {
  int statm = -1;  ///< /proc/self/statm, opened before Landlock hides /proc
  Calibration calibration;
  sandbox::SeccompProgram seccomp;  ///< compiled once, loaded by every test's child
  std::unique_ptr<sandbox::TestCgroup> cgroup;  ///< the tests' cgroup, where the host has one
};

/// Runs `test` in a fresh child. Returns the outcome, or a Fatal when the box itself failed
/// (the judge turns that into IE, never into a verdict against the candidate).
std::variant<TestOutcome, Fatal> run_test(const Program& program, const RunTest& test,
                                          const BoxState& box);

}  // namespace pyjudge::box
