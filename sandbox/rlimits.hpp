// The rlimits layer (always): CPU, data, stack, file size and open files of a test's child.
#pragma once

#include "protocol/limits.hpp"
#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

struct RlimitPolicy {
  Millis cpu{1000};
  Bytes data;  ///< absolute RLIMIT_DATA: baseline + memory limit + headroom
  Bytes stack = mib(64);
  Bytes file_size = mib(1);
  unsigned open_files = 128;
};
Status apply_rlimits(const RlimitPolicy& policy);

}  // namespace pyjudge::sandbox
