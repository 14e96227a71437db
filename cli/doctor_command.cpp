// `pyjudge doctor`: prints judge/doctor's findings (the probes and a real box's own list).
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "judge/doctor.hpp"
#include "judge/escape.hpp"

namespace pyjudge::cli {

namespace {

void print_text(const HostReport& h) {
  std::cout << fmt::format("kernel     {}\ncontainer  {}\nuid        {}\n", h.kernel, h.container, h.uid);
  for (const auto& [k, v] : h.sysctls) std::cout << fmt::format("sysctl     {} = {}\n", k, terminal_line(v));
  std::cout << "\nthe host's probes:\n";
  for (const auto& p : h.probes) {
    std::cout << fmt::format("  {:<11} {:<10} {}\n", p.name, p.available ? "available" : "missing", p.detail);
  }
  if (!h.box_started) {
    std::cout << "\na box could not start here: " << terminal_line(h.box_error) << "\n";
    return;
  }
  std::cout << "\na box started here applies, in this order:\n";
  for (const auto& l : h.box_layers) {
    std::cout << fmt::format("  {:<11} {:<10} {}\n", l.name, layer_state_name(l.state), terminal_line(l.detail));
  }
}

}  // namespace

Action doctor_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  app.add_flag("--json", *json, "one JSON object instead of text");
  return [json] {
    HostReport host = examine_host(make_box_runner);
    if (*json) std::cout << to_json(host).dump(2) << "\n";
    else print_text(host);
    return host.box_started ? int(kAccepted) : int(kInternalError);
  };
}

}  // namespace pyjudge::cli
