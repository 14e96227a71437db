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

/// Whether a layer can be used on this host, and if not, why.
struct Probe {
  bool available = false;
  std::string detail;  ///< "ABI 6", "kernel lacks CONFIG_SECURITY_LANDLOCK", ...
};

#define PYJUDGE_RETURN_ON_FAILURE(expr)                         \
  do {                                                          \
    if (::pyjudge::sandbox::Status s_ = (expr); !s_) return s_; \
  } while (0)

}  // namespace pyjudge::sandbox
