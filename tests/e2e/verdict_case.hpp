// A data-driven verdict case: a folder with problem.yaml, solution.py and expect.yaml.
#pragma once

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/pyjudge_process.hpp"

namespace pyjudge::e2e {

namespace fs = std::filesystem;

inline std::vector<fs::path> sorted_dirs(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline const nlohmann::json* first_failure(const nlohmann::json& j) {
  for (const auto& t : j["tests"]) {
    if (t["verdict"] != "AC") return &t;
  }
  return nullptr;
}

inline bool contains(const nlohmann::json* t, const char* key, const std::string& needle) {
  return t && t->contains(key) && (*t)[key].get<std::string>().find(needle) != std::string::npos;
}

/// The keys expect.yaml may use. Like the spec loader, the reader refuses any other: a typo must
/// not drop a check silently.
inline const std::vector<std::string> kExpectKeys = {
    "verdict",          "exit",          "layer",           "message_contains",       "traceback_contains",
    "compile_error_contains", "stderr_contains", "test_wall_ms_below", "wall_ms_below", "memory_kib_between",
    "no_rerun",         "tests",         "message_equals",  "output_lacks",           "json_bytes_below",
    "tle_figure_over_limit"};

/// The sandbox layers a case may name under `layer:`; "judge" is the judge's own side (the
/// reader's cut, exact-type results, report validation) and "box" the box's own checks before any
/// child runs (the source cap, the trial compile under the test's limits), present everywhere.
inline const std::vector<std::string> kCaseLayers = {"judge", "box", "rlimits", "seccomp", "landlock", "namespaces",
                                                     "cgroups", "fds", "hygiene", "credentials"};

/// `layer: namespaces (mount), else landlock` names the layers that contain the case, the first
/// one present being the one relied on; each alternative's first word is a layer name.
inline std::vector<std::string> case_layers(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(", else ", start);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    out.push_back(part.substr(0, part.find(' ')));
    if (end == std::string::npos) return out;
    start = end + 7;
  }
}

/// Whether `name` is active in a run's `sandbox.layers` ("landlock (ABI 4)" is landlock).
inline bool layer_active(const nlohmann::json& run, const std::string& name) {
  if (name == "judge" || name == "box") return true;
  if (!run.contains("sandbox")) return false;
  for (const auto& l : run["sandbox"]["layers"]) {
    std::string s = l.get<std::string>();
    if (s.substr(0, s.find(' ')) == name) return true;
  }
  return false;
}

/// Options added to every `run` of check_case() (the hostile suite sets `--isolation process`).
inline std::string g_run_options;

/// Judges dir/solution.py (or the folder dir/solution/) on dir (a problem folder) and checks every expectation of
/// dir/expect.yaml: verdict, exit code, message/traceback/compile-error substrings, memory range,
/// and wall_ms_below (the whole run, start to exit). A case whose `layer:` is missing on this
/// host is skipped, saying why; where the layer is present, the case must hold.
inline void check_case(const fs::path& dir) {
  YAML::Node expect = YAML::LoadFile((dir / "expect.yaml").string());
  INFO("case: ", dir.filename().string());
  REQUIRE(expect.IsMap());
  for (const auto& kv : expect) {
    std::string key = kv.first.as<std::string>();
    CHECK_MESSAGE(std::find(kExpectKeys.begin(), kExpectKeys.end(), key) != kExpectKeys.end(),
                  "unknown key '", key, "' in ", (dir / "expect.yaml").string());
  }
  std::vector<std::string> layers;
  if (expect["layer"]) {
    layers = case_layers(expect["layer"].as<std::string>());
    for (const auto& l : layers) {
      CHECK_MESSAGE(std::find(kCaseLayers.begin(), kCaseLayers.end(), l) != kCaseLayers.end(),
                    "unknown layer '", l, "' in ", (dir / "expect.yaml").string());
    }
  }
  std::string verdict = expect["verdict"].as<std::string>();
  int exit_code = expect["exit"] ? expect["exit"].as<int>() : verdict == "AC" ? 0 : verdict == "IE" ? 3 : 1;
  auto start = std::chrono::steady_clock::now();
  // The solution is solution.py, or a solution folder named solution/.
  fs::path solution = fs::is_directory(dir / "solution") ? dir / "solution" : dir / "solution.py";
  Run r = run_pyjudge("run " + quote(dir) + " " + quote(solution) + " --json" + g_run_options);
  auto took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  INFO("case: ", dir.filename().string(), "\nstdout: ", r.out.substr(0, 3000), "\nstderr: ", r.err.substr(0, 2000));
  CHECK(r.exit_code == exit_code);
  if (expect["wall_ms_below"]) CHECK(took_ms < expect["wall_ms_below"].as<long>());
  if (expect["stderr_contains"]) CHECK(r.err.find(expect["stderr_contains"].as<std::string>()) != std::string::npos);
  if (exit_code == 2) return;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  if (!layers.empty() && std::none_of(layers.begin(), layers.end(), [&](auto& l) { return layer_active(j, l); })) {
    MESSAGE("skipped ", dir.filename().string(), ": the layer that contains it (", expect["layer"].as<std::string>(),
            ") is not active on this host");
    return;
  }
  CHECK(j["verdict"] == verdict);
  const nlohmann::json* failed = first_failure(j);
  if (expect["message_contains"]) CHECK(contains(failed, "message", expect["message_contains"].as<std::string>()));
  if (expect["traceback_contains"]) CHECK(contains(failed, "traceback", expect["traceback_contains"].as<std::string>()));
  if (expect["message_equals"]) {  // a hidden test's message: the judge's closed vocabulary
    REQUIRE(failed != nullptr);
    CHECK((*failed)["message"] == expect["message_equals"].as<std::string>());
  }
  if (expect["output_lacks"]) CHECK(r.out.find(expect["output_lacks"].as<std::string>()) == std::string::npos);
  if (expect["json_bytes_below"]) CHECK(r.out.size() < expect["json_bytes_below"].as<std::size_t>());
  if (expect["compile_error_contains"]) {
    CHECK(contains(j.contains("compile_error") ? &j["compile_error"] : nullptr, "message",
                   expect["compile_error_contains"].as<std::string>()));
  }
  if (expect["test_wall_ms_below"]) {  // e.g. the wall-clock kill came promptly after the deadline
    REQUIRE(failed != nullptr);
    CHECK((*failed)["wall_ms"].get<double>() < expect["test_wall_ms_below"].as<double>());
  }
  if (expect["tle_figure_over_limit"]) {  // a TLE's figure agrees with it, on the clock that decided it
    REQUIRE(failed != nullptr);
    CHECK((*failed)["verdict"] == "TLE");
    bool wall = contains(failed, "message", "wall time");
    const char* figure = wall ? "wall_ms" : "time_ms";
    CHECK((*failed)[figure].get<double>() > j["limits"][figure].get<double>());
    CHECK(j[figure].get<double>() > j["limits"][figure].get<double>());
  }
  if (expect["no_rerun"]) {  // shared isolation: no test failed in the warm child
    for (const auto& t : j["tests"]) CHECK_MESSAGE(!t.contains("rerun"), "re-run in a fresh child: ", t["name"]);
  }
  for (const auto& want : expect["tests"]) {  // per test, by name: memory_kib_between, time_ms_below, rerun
    const nlohmann::json* got = nullptr;
    for (const auto& t : j["tests"]) {
      if (t["name"] == want.first.as<std::string>()) got = &t;
    }
    REQUIRE_MESSAGE(got != nullptr, "no test named ", want.first.as<std::string>());
    if (want.second["memory_kib_between"]) {
      auto range = want.second["memory_kib_between"].as<std::vector<std::int64_t>>();
      CHECK((*got)["memory_kib"].get<std::int64_t>() >= range.at(0));
      CHECK((*got)["memory_kib"].get<std::int64_t>() <= range.at(1));
    }
    if (want.second["rerun"]) CHECK(got->value("rerun", false) == want.second["rerun"].as<bool>());
    if (want.second["time_ms_below"]) CHECK((*got)["time_ms"].get<double>() < want.second["time_ms_below"].as<double>());
  }
  if (expect["memory_kib_between"]) {
    auto range = expect["memory_kib_between"].as<std::vector<std::int64_t>>();
    CHECK(j["memory_kib"].get<std::int64_t>() >= range.at(0));
    CHECK(j["memory_kib"].get<std::int64_t>() <= range.at(1));
  }
}


}  // namespace pyjudge::e2e
