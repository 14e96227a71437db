// `pyjudge doctor`: what this host offers the sandbox. The kernel's probes for each layer, and
// the truth: the layers a real box started here applies, as it reports them (protocol Ready).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "judge/runner.hpp"

namespace pyjudge {

/// One layer as this host's kernel answers its probe.
struct LayerProbe {
  std::string name;
  bool available = false;
  std::string detail;
};

struct HostReport {
  std::string kernel;     ///< "Linux 6.1.0 x86_64"
  std::string container;  ///< "docker (/.dockerenv)", ..., "none detected"
  unsigned uid = 0;
  std::vector<std::pair<std::string, std::string>> sysctls;  ///< name below /proc/sys, value
  std::vector<LayerProbe> probes;  ///< every layer, credentials included
  bool box_started = false;
  std::string box_error;  ///< why a box could not start
  std::string python;
  std::vector<LayerStatus> box_layers;  ///< what a box started here applies, in its order
};

/// Probes the host and starts one box (from `make_runner`) on a trivial solution.
HostReport examine_host(const RunnerFactory& make_runner);

/// doctor --json: {kernel, container, uid, sysctl, layers: [{layer, available, used, detail}],
/// box: {started, python, layers: [{name, state, detail}]} or {started: false, error}}.
nlohmann::json to_json(const HostReport& host);

}  // namespace pyjudge
