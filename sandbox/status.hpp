// How code that runs around candidate code reports failure: a value, never an exception.
#pragma once

#include <cerrno>
#include <string>

namespace pyjudge::sandbox {

/// A failed step: the system call (or library call) and its errno. Empty `call` means success.
struct Status {
  const char* call = nullptr;
  int error = 0;

  static Status ok() { return {}; }
  static Status fail(const char* call, int error = errno) { return {call, error}; }
  explicit operator bool() const { return call == nullptr; }
  std::string describe() const;
};

#define PYJUDGE_RETURN_ON_FAILURE(expr)            \
  do {                                             \
    if (::pyjudge::sandbox::Status s_ = (expr); !s_) return s_; \
  } while (0)

}  // namespace pyjudge::sandbox
