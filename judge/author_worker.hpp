// Problem authors' code (generators, checkers) runs in its own process, `pyjudge-author`, under a
// budget: a memory rlimit on the process, a CPU and a wall-time budget per call. A generator
// asked for `sizes: [100000000000]` or a checker stuck in a loop then ends as a clear error
// naming the file, the call and the budget, never as a hung or swollen judge. The process is
// long-lived (one per judge process, restarted after a call that broke it), so a checker call
// costs a round trip on two pipes, not a process start. Values cross as the protocol's encoded
// Value (protocol/value.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "protocol/limits.hpp"
#include "protocol/value.hpp"

namespace pyjudge::host {

/// What one call of author code may take: problem.yaml's `author_limits` (README, "Authors"
/// has the defaults).
struct AuthorBudget {
  Bytes memory = mib(1024);                      ///< the worker's address space (RLIMIT_AS)
  std::chrono::milliseconds generator{20'000};  ///< CPU and wall time of one generate() call
  std::chrono::milliseconds checker{5'000};     ///< CPU and wall time of one check() call
};

struct CheckerVerdict {
  bool accepted = false;
  std::string message;
};

/// `generate(rng, size)` of `file`, in the worker. Throws std::runtime_error naming the file,
/// the size and what went wrong: the author's exception, or the budget it went past.
Value generate_in_worker(const std::filesystem::path& file, std::int64_t seed, std::int64_t size, int index,
                         const AuthorBudget& budget);

/// `check(args, expected, got)` of `file`, in the worker. Throws std::runtime_error as above.
CheckerVerdict check_in_worker(const std::filesystem::path& file, const Value& args, const Value& expected,
                               const Value& got, const AuthorBudget& budget);

/// The worker's side (`pyjudge-author`): serves calls on stdin/stdout until EOF.
int author_worker_main(int argc, char** argv);

}  // namespace pyjudge::host
