// The order in which the layers are applied. Read top to bottom; each step either applies its
// layer or returns the first failure.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "protocol/messages.hpp"
#include "sandbox/layers.hpp"

namespace pyjudge::sandbox {

/// Which optional layers a box applies and what it found on this host.
struct BoxLayers {
  bool landlock = false;
  std::string landlock_detail;
  bool namespaces = false;
  std::string namespaces_detail;
  bool cgroups = false;
  std::string cgroups_detail;
  bool root_dropped = false;       ///< the box started as root and is now nobody
  std::string credentials_detail;  ///< root dropped to nobody, or not root (always applied)
};

/// Every layer a box applies, in the order it applies them (fds, hygiene, cgroups, namespaces,
/// credentials, landlock, then in each test's child rlimits and seccomp), each active, missing
/// (with why) or not needed: what the box reports in Ready and `doctor` shows.
std::vector<LayerStatus> layer_statuses(const BoxLayers& layers);

/// The first of `required` that `layers` does not have active, as a message naming it and why
/// ("required sandbox layer 'namespaces' is not available on this host: ..."); nullopt when all
/// are active.
std::optional<std::string> missing_required_layer(const std::vector<LayerStatus>& layers,
                                                  const std::vector<std::string>& required);

/// Once, in the box right after exec, before the interpreter starts: descriptors, hygiene, then
/// namespaces where the host allows them (recorded in `layers`, never fatal), then root dropped
/// to nobody (credentials).
/// The tests' cgroup is made here too, while the box may still be root (where a writable
/// hierarchy exists; recorded in `layers`, never fatal).
Status contain_box_process(int first_fd_to_close, BoxLayers& layers, std::unique_ptr<TestCgroup>& cgroup);

/// Once, in the box after the interpreter is warm and before the first test: the filesystem
/// view narrows to `readable`. Landlock is skipped (and reported) where the kernel lacks it.
Status restrict_box_filesystem(const std::vector<std::string>& readable, BoxLayers& layers);

/// In each test's child, after fork and fd plumbing, before candidate code: rlimits, then
/// seccomp — the last one in the sequence, since nothing can be set up after it.
Status contain_test_child(const RlimitPolicy& limits, int first_fd_to_close,
                          const SeccompProgram& seccomp, pid_t self, const TestCgroup* cgroup);

}  // namespace pyjudge::sandbox
