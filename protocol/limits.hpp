// Units the judge and the box agree on.
#pragma once

#include <chrono>
#include <cstdint>

namespace pyjudge {

/// A byte count; a distinct type so memory and output sizes never mix with times or counts.
struct Bytes {
  std::uint64_t value = 0;
  constexpr std::uint64_t kib() const { return value / 1024; }
  constexpr double mib() const { return static_cast<double>(value) / (1024.0 * 1024.0); }
  friend constexpr auto operator<=>(Bytes, Bytes) = default;
};

constexpr Bytes kib(std::uint64_t n) { return Bytes{n * 1024}; }
constexpr Bytes mib(std::uint64_t n) { return Bytes{n * 1024 * 1024}; }

using Millis = std::chrono::milliseconds;
using Micros = std::chrono::microseconds;

/// Per-test resource limits. `time` is CPU time (user + system) of the test's process.
struct Limits {
  Millis time{1000};
  Millis wall{3000};
  Bytes memory = mib(64);  ///< net of the interpreter's own baseline
  Bytes output = mib(1);   ///< stdout; stderr is kept to a fixed diagnostic window
};

}  // namespace pyjudge
