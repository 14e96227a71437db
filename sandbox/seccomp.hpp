// The seccomp layer (always; judging refuses to start without it): the system-call allowlist,
// compiled once by libseccomp, loaded by each test's child.
#pragma once

#include <linux/filter.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

Probe probe_seccomp();
/// The allowlist as classic BPF, compiled once by libseccomp so that each test's child only loads
/// it.
struct SeccompProgram {
  std::vector<sock_filter> allowlist;
};
Status compile_seccomp(SeccompProgram& out);
/// Installs `program` in the calling, single-threaded process, with no new privileges; `self` is
/// its pid: signals may only target it. The last layer: nothing may be set up after it.
Status load_seccomp(const SeccompProgram& program, pid_t self);
/// The syscall name for a number of the native architecture ("clone"), or "syscall N".
std::string syscall_name(long number);

}  // namespace pyjudge::sandbox
