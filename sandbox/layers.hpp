// The isolation layers. Each has a probe ("does this kernel allow me?") and an apply step that
// receives only its slice of the policy. contain.hpp puts them in order.
#pragma once

#include <linux/filter.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "protocol/limits.hpp"
#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

/// Whether a layer can be used on this host, and if not, why.
struct Probe {
  bool available = false;
  std::string detail;  ///< "ABI 6", "kernel lacks CONFIG_SECURITY_LANDLOCK", ...
};

// ---- rlimits (always) ---------------------------------------------------------------------------
struct RlimitPolicy {
  Millis cpu{1000};
  Bytes data;          ///< absolute RLIMIT_DATA: baseline + memory limit + headroom
  Bytes stack = mib(64);
  Bytes file_size = mib(1);
  unsigned open_files = 128;
};
Status apply_rlimits(const RlimitPolicy& policy);

// ---- seccomp (always; judging refuses to start without it) --------------------------------------
Probe probe_seccomp();
/// The allowlist as classic BPF, compiled once by libseccomp so that each test's child only loads it.
struct SeccompProgram {
  std::vector<sock_filter> allowlist;
};
Status compile_seccomp(SeccompProgram& out);
/// Installs `program` in the calling, single-threaded process, with no new privileges; `self` is
/// its pid: signals may only target it. The last layer: nothing may be set up after it.
Status load_seccomp(const SeccompProgram& program, pid_t self);
/// The syscall name for a number of the native architecture ("clone"), or "syscall N".
std::string syscall_name(long number);

// ---- landlock (where the kernel has it) ---------------------------------------------------------
Probe probe_landlock();
/// From now on the process and its children may read only below `readable`, and write nowhere.
Status apply_landlock(const std::vector<std::string>& readable);

// ---- namespaces (where allowed) ----------------------------------------------------------------
Probe probe_namespaces();
/// New network, IPC and UTS namespaces (through a user namespace when not root); a root
/// process then becomes nobody, namespaces or not. `detail` says what was applied, or why nothing could be (the host
/// forbids it: `applied` false, nothing changed); a failure after the namespaces exist is an error.
Status apply_namespaces(bool& applied, std::string& detail);

// ---- file descriptors ---------------------------------------------------------------------------
/// Closes every descriptor >= `first`.
Status close_fds_from(int first);

// ---- process hygiene ----------------------------------------------------------------------------
/// New session, death with the parent, no new privileges, not dumpable, umask 077.
Status apply_hygiene();

}  // namespace pyjudge::sandbox
