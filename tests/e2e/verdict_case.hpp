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

/// Judges dir/solution.py on dir (a problem folder) and checks every expectation of
/// dir/expect.yaml: verdict, exit code, message/traceback/compile-error substrings, memory range,
/// and wall_ms_below (the whole run, start to exit).
inline void check_case(const fs::path& dir) {
  YAML::Node expect = YAML::LoadFile((dir / "expect.yaml").string());
  std::string verdict = expect["verdict"].as<std::string>();
  int exit_code = expect["exit"] ? expect["exit"].as<int>() : verdict == "AC" ? 0 : verdict == "IE" ? 3 : 1;
  auto start = std::chrono::steady_clock::now();
  Run r = run_pyjudge("run " + quote(dir) + " " + quote(dir / "solution.py") + " --json");
  auto took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  INFO("case: ", dir.filename().string(), "\nstdout: ", r.out.substr(0, 3000), "\nstderr: ", r.err.substr(0, 2000));
  CHECK(r.exit_code == exit_code);
  if (expect["wall_ms_below"]) CHECK(took_ms < expect["wall_ms_below"].as<long>());
  if (expect["stderr_contains"]) CHECK(r.err.find(expect["stderr_contains"].as<std::string>()) != std::string::npos);
  if (exit_code == 2) return;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
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
  if (expect["memory_kib_between"]) {
    auto range = expect["memory_kib_between"].as<std::vector<std::int64_t>>();
    CHECK(j["memory_kib"].get<std::int64_t>() >= range.at(0));
    CHECK(j["memory_kib"].get<std::int64_t>() <= range.at(1));
  }
}


}  // namespace pyjudge::e2e
