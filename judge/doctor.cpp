#include "judge/doctor.hpp"

#include <sys/utsname.h>
#include <unistd.h>

#include <filesystem>

#include "protocol/files.hpp"
#include "sandbox/credentials.hpp"
#include "sandbox/layers.hpp"

namespace pyjudge {

namespace {

namespace fs = std::filesystem;

std::string first_line(const fs::path& p) {
  FileContents f = read_whole_file(p, 64 * 1024);
  return f.data.substr(0, f.data.find('\n'));
}

// Docker, Podman, Kubernetes, systemd-nspawn...: the usual signs.
std::string container_hint() {
  std::error_code ec;
  if (fs::exists("/.dockerenv", ec)) return "docker (/.dockerenv)";
  if (fs::exists("/run/.containerenv", ec)) return "podman (/run/.containerenv)";
  std::string cgroup = read_whole_file("/proc/1/cgroup", 1 << 20).data;
  for (const char* sign : {"docker", "kubepods", "containerd", "lxc"}) {
    if (cgroup.find(sign) != std::string::npos) return std::string(sign) + " (/proc/1/cgroup)";
  }
  std::string env = first_line("/run/systemd/container");
  return env.empty() ? "none detected" : env + " (/run/systemd/container)";
}

std::vector<LayerProbe> probe_layers() {
  auto from = [](const char* name, const sandbox::Probe& p, const std::string& extra = "") {
    return LayerProbe{name, p.available, p.detail + (p.available ? extra : "")};
  };
  sandbox::Probe seccomp = sandbox::probe_seccomp();
  if (!seccomp.available) seccomp.detail += " — pyjudge refuses to judge without it";
  return {
      {"fds", true, "no inherited descriptors"},
      {"hygiene", true, "new session, parent-death signal, no_new_privs, not dumpable, umask 077, empty environment"},
      from("cgroups", sandbox::probe_cgroups(), "; memory and pids limits, peak memory and OOM kills per test"),
      from("namespaces", sandbox::probe_namespaces()),
      from("credentials", sandbox::probe_credentials()),
      from("landlock", sandbox::probe_landlock()),
      {"rlimits", true, "CPU, data, file size, open files, stack, no core dumps"},
      from("seccomp", seccomp),
  };
}

}  // namespace

HostReport examine_host(const RunnerFactory& make_runner) {
  HostReport h;
  utsname u{};
  uname(&u);
  h.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
  h.container = container_hint();
  h.uid = geteuid();
  for (const char* name : {"user/max_user_namespaces", "kernel/unprivileged_userns_clone",
                           "kernel/apparmor_restrict_unprivileged_userns", "kernel/seccomp/actions_avail"}) {
    std::error_code ec;
    fs::path p = fs::path("/proc/sys") / name;
    if (fs::exists(p, ec)) h.sysctls.emplace_back(name, first_line(p));
  }
  h.probes = probe_layers();
  // The truth is what a real box applies: start one.
  try {
    auto runner = make_runner();
    Setup setup;
    setup.mode = Mode::Function;
    setup.entry = "f";
    setup.filename = "doctor.py";
    setup.source = "def f():\n    return 0\n";
    auto started = runner->start(setup);
    if (auto* ready = std::get_if<Ready>(&started)) {
      h.box_started = true;
      h.python = ready->python_version;
      h.box_layers = ready->layers;
    } else {
      h.box_error = "the box did not compile a trivial solution: " + std::get<CompileError>(started).message;
    }
  } catch (const std::exception& e) {
    h.box_error = e.what();
  }
  return h;
}

nlohmann::json to_json(const HostReport& h) {
  nlohmann::json out;
  out["kernel"] = h.kernel;
  out["container"] = h.container;
  out["uid"] = h.uid;
  out["sysctl"] = nlohmann::json::object();
  for (const auto& [k, v] : h.sysctls) out["sysctl"][k] = v;
  out["layers"] = nlohmann::json::array();
  for (const auto& p : h.probes) {
    out["layers"].push_back({{"layer", p.name}, {"available", p.available}, {"used", p.available}, {"detail", p.detail}});
  }
  if (!h.box_started) {
    out["box"] = {{"started", false}, {"error", h.box_error}};
    return out;
  }
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& l : h.box_layers) {
    layers.push_back({{"name", l.name}, {"state", layer_state_name(l.state)}, {"detail", l.detail}});
  }
  out["box"] = {{"started", true}, {"python", h.python}, {"layers", layers}};
  return out;
}

}  // namespace pyjudge
