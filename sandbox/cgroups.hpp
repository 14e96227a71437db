// The cgroups layer (where a writable v1 or v2 hierarchy exists): the tests' memory and pids
// limits, their peak memory and OOM kills.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "protocol/limits.hpp"
#include "sandbox/status.hpp"

namespace pyjudge::sandbox {

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
  void before_test();  ///< in the box: resets the peak, notes the OOM count
  void reset_peak();   ///< resets the peak only (an OOM kill ends a child: its count is noted once,
                       ///< at fork)
  bool peak_resettable() const { return peak_valid_; }  ///< the last before_test() reset the peak
  Bytes current() const;                                ///< memory charged to the cgroup now
  std::size_t threads() const;  ///< threads (of all processes) in the cgroup now
  bool threads_countable() const { return current_ >= 0 && threads_ >= 0; }
  Status join() const;      ///< in the test's child: moves itself in
  Bytes peak() const;       ///< after the test: its peak memory (0: not measurable)
  bool oom_killed() const;  ///< after the test: the kernel's OOM killer struck
  std::vector<std::string> paths() const;
  bool v2() const { return v2_; }

 private:
  TestCgroup() = default;
  bool v2_ = false;
  std::vector<std::string> dirs_;
  int procs_ = -1, limit_ = -1, swap_limit_ = -1, peak_ = -1, oom_ = -1, pids_procs_ = -1,
      pids_max_ = -1;
  int current_ = -1, threads_ = -1;
  std::uint64_t oom_kills_before_ = 0;
  bool peak_valid_ = false;
};

/// For the judge, once a box has exited: removes the cgroup the box made (named after its pid).
void remove_box_cgroup(pid_t box);

}  // namespace pyjudge::sandbox
