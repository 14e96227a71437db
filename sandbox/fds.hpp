// The file-descriptor layer: nothing the box holds leaks into a test's child.
#pragma once

#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

/// Closes every descriptor >= `first`.
Status close_fds_from(int first);

}  // namespace pyjudge::sandbox
