// The box's view of one submission: the compiled candidate module and how to call it.
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <optional>
#include <string>
#include <variant>

#include "protocol/messages.hpp"

namespace pyjudge::box {

/// Descriptor numbers inside a test's child process.
inline constexpr int kReportFd = 3;  ///< the ChildReport goes here; 0-2 are the candidate's stdio
inline constexpr int kControlFd = 5;  ///< child -> box: one-byte progress markers (below)
inline constexpr int kCommandFd = 6;  ///< box -> child: RunTest frames, and kMarkerGo

/// The child's progress, one byte each on kControlFd. The candidate can write these too: a
/// forged marker can only misplace the boundaries of its own tests, never another submission's.
inline constexpr char kMarkerSetUp = 'S';      ///< the module ran; tests may come
inline constexpr char kMarkerBegin = 'B';      ///< a test's input is decoded; waiting for Go
inline constexpr char kMarkerGo = 'G';         ///< (box -> child) the figures are reset: run it
inline constexpr char kMarkerEnd = 'E';        ///< the test's report is written, stdio flushed
inline constexpr char kMarkerEndUnfit = 'D';   ///< the same, and the child must not serve another
inline constexpr char kMarkerFailed = 'F';     ///< a harness failure; a message follows, then exit

struct Program {
  Setup setup;
  PyObject* code = nullptr;     ///< the compiled candidate module (owned)
  PyObject* globals = nullptr;  ///< builtins, __name__ and prelude names; each child execs into it
};

/// Compiles the candidate's file without running any of it, and imports the standard-library
/// modules it names so that children start warm. A SyntaxError becomes a CompileError.
std::variant<Program, CompileError> prepare(Setup setup);

/// Makes a solution folder's other modules (Setup::modules) importable in every child, as if
/// the folder were first on sys.path. Call after Landlock: the folder's name is on sys.path, and
/// nothing of the host's folder may become readable. Returns the error, if any.
std::optional<std::string> install_solution_folder(const Program& program);

}  // namespace pyjudge::box
