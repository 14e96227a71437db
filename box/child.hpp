// The test child: what runs inside the sandbox after a box forks it (box/run_test.cpp): the
// candidate's module once, then each test the box sends.
#pragma once

#include "box/program.hpp"

namespace pyjudge::box {

/// A test's arguments as Python objects, built in the child before it marks Begin (decoding is
/// not charged to the candidate).
struct TestInput {
  const RunTestView* test = nullptr;
  PyObject* args = nullptr;     ///< list (function: positional; design: one list per op)
  PyObject* kwargs = nullptr;   ///< dict (function mode)
  PyObject* snippet = nullptr;  ///< compiled `code:` (script mode)
};

/// In the current (already contained) child: runs the module once (a module that raises is the
/// first test's result, and the child exits), then for each RunTest frame on kCommandFd decodes
/// its input, marks Begin, waits for Go, runs it, writes the ChildReport to kReportFd and marks
/// End, until the box closes kCommandFd. A test that leaves timers, signal handlers, open files
/// or another cwd behind, or ends in MemoryError/RecursionError, marks EndUnfit. Never returns.
[[noreturn]] void serve_tests(const Program& program);

/// Installs the SIGSYS handler that reports a forbidden system call on kReportFd.
void install_forbidden_call_reporter();

}  // namespace pyjudge::box
