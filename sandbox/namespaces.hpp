// The namespaces layer (where allowed): new network, IPC and UTS namespaces.
#pragma once

#include <string>

#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

Probe probe_namespaces();
/// New network, IPC and UTS namespaces (through a user namespace when not root); a root
/// process then becomes nobody, namespaces or not. `detail` says what was applied, or why nothing
/// could be (the host forbids it: `applied` false, nothing changed); a failure after the namespaces
/// exist is an error.
Status apply_namespaces(bool& applied, std::string& detail);

}  // namespace pyjudge::sandbox
