// The credentials layer: a box started as root becomes nobody (uid and gid 65534, no
// supplementary groups) before the interpreter starts. Its own step in contain_box_process(),
// applied with or without namespaces.
#pragma once

#include <string>

#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

inline constexpr unsigned kNobodyId = 65534;

/// What this process would become: "root: drops to nobody (uid/gid 65534, no groups)" or
/// "not root (uid N): nothing to drop". Always available.
Probe probe_credentials();

/// As root: no supplementary groups, then gid and uid nobody (real, effective, saved), and the
/// parent-death signal and non-dumpability a change of credentials clears are set again. Not
/// root: nothing. `detail` says which.
Status drop_root(std::string& detail);

}  // namespace pyjudge::sandbox
