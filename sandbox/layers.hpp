// The isolation layers. Each has a probe ("does this kernel allow me?") and an apply step that
// receives only its slice of the policy. contain.hpp puts them in order.
#pragma once

#include <linux/filter.h>
#include <sys/types.h>

#include <memory>
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

// ---- cgroups (where a writable v1 or v2 hierarchy exists) -------------------------------------
Probe probe_cgroups();

/// The box's cgroup for its tests' children: a memory limit with no swap, a pids limit, and the
/// peak memory and OOM kills of each test. Created while the box is still root (its files opened
/// then: they stay writable through the descriptors after the box drops to nobody and Landlock).
class TestCgroup {
 public:
  static std::unique_ptr<TestCgroup> create(std::string& why_not);
  ~TestCgroup();
  TestCgroup(const TestCgroup&) = delete;
  TestCgroup& operator=(const TestCgroup&) = delete;

  Status set_limits(Bytes memory, unsigned max_pids);
  void before_test();                 ///< in the box: resets the peak, notes the OOM count
  void reset_peak();                  ///< resets the peak only (an OOM kill ends a child: its count is noted once, at fork)
  bool peak_resettable() const { return peak_valid_; }  ///< the last before_test() reset the peak
  Bytes current() const;              ///< memory charged to the cgroup now
  std::size_t threads() const;        ///< threads (of all processes) in the cgroup now
  bool threads_countable() const { return current_ >= 0 && threads_ >= 0; }
  Status join() const;                ///< in the test's child: moves itself in
  Bytes peak() const;                 ///< after the test: its peak memory (0: not measurable)
  bool oom_killed() const;            ///< after the test: the kernel's OOM killer struck
  std::vector<std::string> paths() const;
  bool v2() const { return v2_; }

 private:
  TestCgroup() = default;
  bool v2_ = false;
  std::vector<std::string> dirs_;
  int procs_ = -1, limit_ = -1, swap_limit_ = -1, peak_ = -1, oom_ = -1, pids_procs_ = -1, pids_max_ = -1;
  int current_ = -1, threads_ = -1;
  std::uint64_t oom_kills_before_ = 0;
  bool peak_valid_ = false;
};

/// For the judge, once a box has exited: removes the cgroup the box made (named after its pid).
void remove_box_cgroup(pid_t box);

// ---- file descriptors ---------------------------------------------------------------------------
/// Closes every descriptor >= `first`.
Status close_fds_from(int first);

// ---- process hygiene ----------------------------------------------------------------------------
/// New session, death with the parent, no new privileges, not dumpable, umask 077.
Status apply_hygiene();

}  // namespace pyjudge::sandbox
