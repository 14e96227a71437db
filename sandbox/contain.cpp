#include "sandbox/contain.hpp"

#include <unistd.h>

#include <algorithm>

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
  layers.root_dropped = geteuid() == 0;
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

std::vector<LayerStatus> layer_statuses(const BoxLayers& l) {
  auto optional = [](const char* name, bool active, const std::string& detail) {
    return LayerStatus{name, active ? LayerState::Active : LayerState::Missing, detail};
  };
  return {
      {"fds", LayerState::Active, ""},
      {"hygiene", LayerState::Active, ""},
      optional("cgroups", l.cgroups, l.cgroups_detail),
      optional("namespaces", l.namespaces, l.namespaces_detail),
      {"credentials", l.root_dropped ? LayerState::Active : LayerState::NotNeeded, l.credentials_detail},
      optional("landlock", l.landlock, l.landlock_detail),
      {"rlimits", LayerState::Active, ""},
      {"seccomp", LayerState::Active, ""},
  };
}

std::optional<std::string> missing_required_layer(const std::vector<LayerStatus>& layers,
                                                  const std::vector<std::string>& required) {
  for (const auto& name : required) {
    auto it = std::find_if(layers.begin(), layers.end(), [&](const LayerStatus& l) { return l.name == name; });
    if (it != layers.end() && it->state == LayerState::Active) continue;
    std::string why = it == layers.end()                     ? "this version of pyjudge does not provide it"
                      : it->state == LayerState::NotNeeded ? "not needed here: " + it->detail
                                                           : it->detail;
    return "required sandbox layer '" + name + "' is not available on this host: " + why;
  }
  return std::nullopt;
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
