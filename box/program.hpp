// The box's view of one submission: the compiled candidate module and how to call it.
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string>
#include <variant>

#include "protocol/messages.hpp"

namespace pyjudge::box {

/// Descriptor numbers inside a test's child process.
inline constexpr int kReportFd = 3;  ///< the ChildReport goes here; 0-2 are the candidate's stdio

struct Program {
  Setup setup;
  PyObject* code = nullptr;     ///< the compiled candidate module (owned)
  PyObject* globals = nullptr;  ///< builtins, __name__ and prelude names; each child execs into it
};

/// Compiles the candidate's file without running any of it, and imports the standard-library
/// modules it names so that children start warm. A SyntaxError becomes a CompileError.
std::variant<Program, CompileError> prepare(Setup setup);

/// Arguments decoded into Python objects in the box before the fork, so that decoding is not
/// charged to the candidate.
struct TestInput {
  const RunTest* test = nullptr;
  PyObject* args = nullptr;    ///< list (function: positional; design: one list per op)
  PyObject* kwargs = nullptr;  ///< dict (function mode)
  PyObject* snippet = nullptr; ///< compiled `code:` (script mode)
};

/// Runs the test in the current (already contained) child process, writes the ChildReport to
/// kReportFd and exits. Never returns.
[[noreturn]] void run_child(const Program& program, const TestInput& input);

/// Installs the SIGSYS handler that reports a forbidden system call on kReportFd.
void install_forbidden_call_reporter();

}  // namespace pyjudge::box
