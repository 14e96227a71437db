// The Landlock layer (where the kernel has it): read-only below a few paths, writes nowhere.
#pragma once

#include <string>
#include <vector>

#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

Probe probe_landlock();
/// From now on the process and its children may read only below `readable`, and write nowhere.
Status apply_landlock(const std::vector<std::string>& readable);

}  // namespace pyjudge::sandbox
