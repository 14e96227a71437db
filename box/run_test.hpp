// The box's side of a test's child: fork it, contain it, feed it tests, watch each one, and
// report what the kernel saw.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string_view>

#include "box/program.hpp"
#include "protocol/files.hpp"
#include "sandbox/layers.hpp"

namespace pyjudge::box {

/// The resident size a test's child starts with, measured once per box (only where no cgroup
/// measures memory: then a test's memory is its rusage peak net of this).
struct Calibration {
  Bytes child_rss;  ///< peak RSS of a child that exits at once
  Bytes anonymous;  ///< the box's anonymous RSS when that was measured
};

/// Forks a child that exits immediately and records its peak RSS.
Calibration calibrate(int statm_fd);

/// Once per box, after Setup: the tests' cgroup gets the submission's memory and pids limits.
sandbox::Status limit_test_cgroup(sandbox::TestCgroup& cgroup, const Limits& limits);

/// Whether this box can keep one child for many tests: it needs a cgroup whose memory peak can
/// be reset and whose threads can be counted, so that each test is measured net of what the
/// child already held and a thread left behind is seen from outside the child.
bool can_share_child(sandbox::TestCgroup* cgroup);

class WarmChild;

/// What the box prepares once and keeps across tests.
struct BoxState {
  UniqueFd statm;  ///< /proc/self/statm, opened before Landlock hides /proc
  /// The tests' stdin: a memfd the box rewrites before each test, and a read-only descriptor of
  /// it (reopened through /proc before Landlock) that every child gets as fd 0.
  UniqueFd stdin_write, stdin_read;
  std::size_t stdin_size = 0;
  Calibration calibration;
  sandbox::SeccompProgram seccomp;  ///< compiled once, loaded by every child
  std::unique_ptr<sandbox::TestCgroup> cgroup;  ///< the tests' cgroup, where the host has one
  Isolation isolation = Isolation::Process;     ///< what the box applies (see Ready)
  std::unique_ptr<WarmChild> child;             ///< the child that runs the next test, if any
  UniqueFd interaction;  ///< the judge's socket that passes an interactive test's pipe ends
  BoxState();
  ~BoxState();
};

/// Creates the stdin file (BoxState::stdin_write/stdin_read); before Landlock.
bool open_stdin_file(BoxState& box);

/// Runs `test` (read from `payload`, which is forwarded to the child as is, or without its stdin,
/// which the child reads from the stdin file; the box never builds the test's values): in the warm
/// child when the box shares one and the test is not `fresh` or `interactive`, else in a new
/// child (an interactive test's with the pipe ends from BoxState::interaction as its stdin and
/// stdout). A child
/// that ended abnormally or left state behind is replaced before the next test. Returns the
/// outcome, or a Fatal when the box itself failed (the judge turns that into IE, never into a
/// verdict against the candidate).
std::variant<TestOutcome, Fatal> run_test(const Program& program, const RunTestView& test,
                                          std::string_view payload, BoxState& box);

}  // namespace pyjudge::box
