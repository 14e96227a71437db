// Start-up of an embedded CPython, shared by the judge and the box.
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string>

namespace pyjudge::python {

/// Initialises an isolated interpreter: no environment variables, no site-packages, no user
/// directories, no bytecode written. Throws std::runtime_error if CPython cannot start.
void initialize();

/// The ListNode and TreeNode classes (borrowed references, alive for the process).
struct Structures {
  PyObject* list_node = nullptr;
  PyObject* tree_node = nullptr;
};
const Structures& structures();

/// A dict of the names `prelude: leetcode` binds, builtins never shadowed (borrowed reference).
/// Imports every module the prelude draws from.
PyObject* leetcode_prelude();

/// The part of leetcode_prelude() that `code` can reach (new reference): the prelude names it
/// mentions anywhere (co_names of every nested code object), importing only their modules. Code
/// that can reach names it does not mention (eval, exec, globals(), vars(), ...) gets them all.
PyObject* leetcode_prelude_for(PyObject* code);

/// Debian's python3-sortedcontainers (LeetCode's environment has it), imported from its
/// dist-packages folder without putting the rest of that folder on sys.path. Returns the module
/// (borrowed, cached in sys.modules) or null when it is not installed (error cleared).
PyObject* sortedcontainers();

/// The pending Python exception, fetched (the error indicator is then clear) and normalised:
/// the one way pyjudge takes an exception from CPython. Owns its three references.
class FetchedError {
 public:
  /// Takes the pending exception; all three are null when none was pending.
  static FetchedError take();
  FetchedError(FetchedError&& o) noexcept;
  FetchedError(const FetchedError&) = delete;
  FetchedError& operator=(const FetchedError&) = delete;
  FetchedError& operator=(FetchedError&&) = delete;
  ~FetchedError();

  PyObject* type() const { return type_; }
  PyObject* value() const { return value_; }
  PyObject* traceback() const { return traceback_; }
  explicit operator bool() const { return type_ != nullptr; }

 private:
  FetchedError() = default;
  PyObject* type_ = nullptr;
  PyObject* value_ = nullptr;
  PyObject* traceback_ = nullptr;
};

/// Formats and clears the pending Python exception as "Type: message".
std::string take_error();

}  // namespace pyjudge::python
