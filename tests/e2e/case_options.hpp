// The case a single-case ctest runs, from tests/main.cpp's `--case=DIR` and `--pass=NAME`.
#pragma once

#include <string>

namespace pyjudge::e2e {

/// The case folder (tests/cases/<name> or tests/hostile/<name>); empty when not given.
inline std::string g_case_dir;
/// Which hostile pass: "host" (every layer this host offers) or "no-namespaces" (through
/// deny_namespaces, as in a default container).
inline std::string g_case_pass = "host";

}  // namespace pyjudge::e2e
