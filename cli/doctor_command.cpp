#include <sys/utsname.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "judge/runner.hpp"
#include "sandbox/credentials.hpp"
#include "sandbox/layers.hpp"

namespace pyjudge::cli {

namespace {

namespace fs = std::filesystem;

std::string read_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  return line;
}

// Docker, Podman, Kubernetes, systemd-nspawn...: the usual signs.
std::string container_hint() {
  if (fs::exists("/.dockerenv")) return "docker (/.dockerenv)";
  if (fs::exists("/run/.containerenv")) return "podman (/run/.containerenv)";
  std::ifstream cg("/proc/1/cgroup");
  std::stringstream s;
  s << cg.rdbuf();
  for (const char* sign : {"docker", "kubepods", "containerd", "lxc"}) {
    if (s.str().find(sign) != std::string::npos) return std::string(sign) + " (/proc/1/cgroup)";
  }
  std::string env = read_line("/run/systemd/container");
  return env.empty() ? "none detected" : env + " (/run/systemd/container)";
}

}  // namespace

Action doctor_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  app.add_flag("--json", *json, "one JSON object instead of text");
  return [json] {
    utsname u{};
    uname(&u);
    nlohmann::json out;
    out["kernel"] = std::string(u.sysname) + " " + u.release + " " + u.machine;
    out["container"] = container_hint();
    out["uid"] = geteuid();
    nlohmann::json sysctls;
    for (const char* name : {"user/max_user_namespaces", "kernel/unprivileged_userns_clone",
                             "kernel/apparmor_restrict_unprivileged_userns", "kernel/seccomp/actions_avail"}) {
      fs::path p = fs::path("/proc/sys") / name;
      if (fs::exists(p)) sysctls[name] = read_line(p);
    }
    out["sysctl"] = sysctls;
    nlohmann::json layers = nlohmann::json::array();
    auto add = [&](const char* name, bool available, const std::string& detail, bool used) {
      layers.push_back({{"layer", name}, {"available", available}, {"used", used && available}, {"detail", detail}});
    };
    add("rlimits", true, "CPU, data, file size, open files, stack, no core dumps", true);
    sandbox::Probe sc = sandbox::probe_seccomp();
    add("seccomp", sc.available, sc.detail + (sc.available ? "" : " — pyjudge refuses to judge without it"), true);
    sandbox::Probe ll = sandbox::probe_landlock();
    add("landlock", ll.available, ll.detail, true);
    sandbox::Probe ns = sandbox::probe_namespaces();
    add("namespaces", ns.available, ns.detail, true);
    sandbox::Probe cg = sandbox::probe_cgroups();
    add("cgroups", cg.available, cg.detail + (cg.available ? "; memory and pids limits, peak memory and OOM kills per test" : ""), true);
    sandbox::Probe cred = sandbox::probe_credentials();
    add("credentials", cred.available, cred.detail, true);
    add("hygiene", true, "new session, parent-death signal, no_new_privs, not dumpable, umask 077, empty environment", true);
    add("fds", true, "no inherited descriptors", true);
    out["layers"] = layers;
    // The truth is what a real box applies: start one.
    nlohmann::json box;
    try {
      BoxRunner runner;
      Setup setup;
      setup.mode = Mode::Function;
      setup.entry = "f";
      setup.filename = "doctor.py";
      setup.source = "def f():\n    return 0\n";
      auto started = runner.start(setup);
      if (auto* ready = std::get_if<Ready>(&started)) {
        box = {{"started", true}, {"python", ready->python_version}, {"layers", ready->layers}, {"missing", ready->missing}};
      }
    } catch (const std::exception& e) {
      box = {{"started", false}, {"error", e.what()}};
    }
    out["box"] = box;
    if (*json) {
      std::cout << out.dump(2) << "\n";
    } else {
      std::cout << fmt::format("kernel     {}\ncontainer  {}\nuid        {}\n", out["kernel"].get<std::string>(),
                               out["container"].get<std::string>(), geteuid());
      for (auto& [k, v] : sysctls.items()) std::cout << fmt::format("sysctl     {} = {}\n", k, v.get<std::string>());
      std::cout << "\n";
      for (const auto& l : layers) {
        std::string state = !l["available"] ? "missing" : l["used"] ? "active" : "available";
        std::cout << fmt::format("{:<11} {:<10} {}\n", l["layer"].get<std::string>(), state, l["detail"].get<std::string>());
      }
      if (box.value("started", false)) {
        std::cout << "\na box started here applies: " << fmt::format("{}", fmt::join(box["layers"].get<std::vector<std::string>>(), ", ")) << "\n";
        for (const auto& m : box["missing"]) std::cout << "  missing: " << m.get<std::string>() << "\n";
      } else {
        std::cout << "\na box could not start here: " << box.value("error", std::string("?")) << "\n";
      }
    }
    return box.value("started", false) ? int(kAccepted) : int(kInternalError);
  };
}

}  // namespace pyjudge::cli
