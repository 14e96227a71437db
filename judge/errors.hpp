// The judge's two kinds of failure that are not a verdict: the user's mistake (exit 2) and the
// judge's own fault (IE, exit 3). Spec mistakes have their own type, SpecError (judge/spec.hpp).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace pyjudge {

/// Bad arguments, a path that is not there or cannot be read, an unknown problem, a malformed
/// manifest: the message names what the user gave and what was expected. Exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// A fault of the judge or its box (never of the candidate): the verdict becomes IE.
struct JudgeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Runs `f` on a path the user gave; a filesystem error there (unreadable folder, a file where a
/// folder belongs) is the user's to fix, so it becomes a UsageError naming the path.
template <class F>
auto on_user_path(const std::filesystem::path& path, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::filesystem::filesystem_error& e) {
    throw UsageError("cannot read " + path.string() + ": " + e.code().message());
  }
}

}  // namespace pyjudge
