// The process-hygiene layer: a new session, death with the parent, no new privileges.
#pragma once

#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

/// New session, death with the parent, no new privileges, not dumpable, umask 077.
Status apply_hygiene();

}  // namespace pyjudge::sandbox
