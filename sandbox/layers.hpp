// The isolation layers, one file each. Each has a probe ("does this kernel allow me?") and an
// apply step that receives only its slice of the policy. contain.hpp puts them in order.
#pragma once

#include "sandbox/cgroups.hpp"
#include "sandbox/fds.hpp"
#include "sandbox/hygiene.hpp"
#include "sandbox/landlock.hpp"
#include "sandbox/namespaces.hpp"
#include "sandbox/rlimits.hpp"
#include "sandbox/seccomp.hpp"
#include "sandbox/status.hpp"
