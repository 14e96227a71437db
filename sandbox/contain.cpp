#include "sandbox/contain.hpp"

#include "sandbox/credentials.hpp"

namespace pyjudge::sandbox {

Status contain_box_process(int first_fd_to_close, BoxLayers& layers, std::unique_ptr<TestCgroup>& cgroup) {
  PYJUDGE_RETURN_ON_FAILURE(close_fds_from(first_fd_to_close));
  PYJUDGE_RETURN_ON_FAILURE(apply_hygiene());
  // Before namespaces: still root (if ever), and still at the pid the judge knows (it removes
  // the cgroup, named after that pid, once the box is gone).
  cgroup = TestCgroup::create(layers.cgroups_detail);
  layers.cgroups = cgroup != nullptr;
  if (cgroup) layers.cgroups_detail = (cgroup->v2() ? "v2 " : "v1 ") + cgroup->paths().front();
  PYJUDGE_RETURN_ON_FAILURE(apply_namespaces(layers.namespaces, layers.namespaces_detail));
  // After the namespaces (their mounts need root), with or without them: the box is nobody.
  return drop_root(layers.credentials_detail);
}

Status restrict_box_filesystem(const std::vector<std::string>& readable, BoxLayers& layers) {
  Probe landlock = probe_landlock();
  layers.landlock_detail = landlock.detail;
  if (!landlock.available) return Status::ok();
  PYJUDGE_RETURN_ON_FAILURE(apply_landlock(readable));
  layers.landlock = true;
  return Status::ok();
}

Status contain_test_child(const RlimitPolicy& limits, int first_fd_to_close,
                          const SeccompProgram& seccomp, pid_t self, const TestCgroup* cgroup) {
  if (cgroup) PYJUDGE_RETURN_ON_FAILURE(cgroup->join());  // first: its descriptors close next
  PYJUDGE_RETURN_ON_FAILURE(close_fds_from(first_fd_to_close));
  PYJUDGE_RETURN_ON_FAILURE(apply_rlimits(limits));
  PYJUDGE_RETURN_ON_FAILURE(load_seccomp(seccomp, self));  // last
  return Status::ok();
}

}  // namespace pyjudge::sandbox
