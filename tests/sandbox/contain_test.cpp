#include <doctest/doctest.h>

#include "sandbox/contain.hpp"

using namespace pyjudge;
using namespace pyjudge::sandbox;

TEST_CASE("A box names every layer in the order it applies them, each active, missing or not needed") {
  BoxLayers found;
  found.landlock = true;
  found.landlock_detail = "ABI 4";
  found.namespaces_detail = "unshare: Operation not permitted";
  found.cgroups = true;
  found.cgroups_detail = "v2 /sys/fs/cgroup/pyjudge";
  found.credentials_detail = "not root (uid 1000): nothing to drop";
  std::vector<LayerStatus> layers = layer_statuses(found);
  std::vector<std::string> names;
  for (const auto& l : layers) names.push_back(l.name);
  CHECK(names == std::vector<std::string>{"fds", "hygiene", "cgroups", "namespaces", "credentials", "landlock",
                                          "rlimits", "seccomp"});
  CHECK(layers[3] == LayerStatus{"namespaces", LayerState::Missing, "unshare: Operation not permitted"});
  CHECK(layers[4].state == LayerState::NotNeeded);
  CHECK(layers[5] == LayerStatus{"landlock", LayerState::Active, "ABI 4"});
  found.root_dropped = true;
  CHECK(layer_statuses(found)[4].state == LayerState::Active);
}

TEST_CASE("A required layer that is not active is named with why; an active one passes") {
  std::vector<LayerStatus> layers = {{"seccomp", LayerState::Active, ""},
                                     {"namespaces", LayerState::Missing, "unshare: EPERM"},
                                     {"credentials", LayerState::NotNeeded, "not root (uid 1000): nothing to drop"}};
  CHECK_FALSE(missing_required_layer(layers, {"seccomp"}));
  CHECK(missing_required_layer(layers, {"seccomp", "namespaces"}) ==
        "required sandbox layer 'namespaces' is not available on this host: unshare: EPERM");
  CHECK(missing_required_layer(layers, {"credentials"})->find("not needed here") != std::string::npos);
  CHECK(missing_required_layer(layers, {"teleportation"})->find("does not provide it") != std::string::npos);
}
